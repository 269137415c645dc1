import type { YearEvaluation, YearFigures } from '@hallbridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../api/http';
import { useUnitTree } from '../api/units';
import { ExportButtons } from '../attendance/export-buttons';
import { formatRate } from '../attendance/attendance-format';
import { usePrincipal } from '../auth/auth-store';
import { FormField } from '../components/form-field';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { UnitSelect } from '../components/unit-select';

const path = (unitId: string, year: number, ext = '') => `/units/${unitId}/evaluation${ext}?year=${year}`;

const useYearEvaluation = (unitId: string, year: number) =>
  useQuery({
    queryKey: ['evaluation', unitId, year],
    queryFn: () => http.get<YearEvaluation>(path(unitId, year)),
    enabled: !!unitId,
  });

/** /evaluation — a unit's year: each branch against its target and each member, with XLSX and print. */
export function EvaluationPage() {
  const { t } = useTranslation('translation', { keyPrefix: 'evaluation' });
  const principal = usePrincipal();
  const units = useUnitTree();
  const [unitId, setUnitId] = useState(principal?.unitId ?? '');
  const [year, setYear] = useState(new Date().getFullYear());
  const query = useYearEvaluation(unitId, year);
  return (
    <div className="stack stack--loose" data-testid="evaluation-page">
      <PageHeader title={t('page.title')} subtitle={t('page.intro')} />
      <div className="toolbar">
        <FormField label={t('page.unit')}>
          {(a11y) => (
            <UnitSelect
              {...a11y}
              tree={units.tree}
              value={unitId}
              onChange={setUnitId}
              testId="evaluation-unit"
            />
          )}
        </FormField>
        <FormField label={t('page.year')}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              className="input--short"
              min={2000}
              max={2100}
              value={year}
              onChange={(e) => setYear(Number(e.target.value) || new Date().getFullYear())}
              data-testid="evaluation-year"
            />
          )}
        </FormField>
      </div>
      {unitId && (
        <ExportButtons kinds={['xlsx']} pathFor={(kind) => path(unitId, year, `.${kind}`)} printable />
      )}
      <QueryState loading={query.isLoading} error={query.error}>
        {query.data && <EvaluationTables data={query.data} />}
      </QueryState>
    </div>
  );
}

function EvaluationTables({ data }: { data: YearEvaluation }) {
  const { t } = useTranslation('translation', { keyPrefix: 'evaluation' });
  const verdict = (ok: boolean | null) => (ok === null ? '—' : ok ? t('page.meets') : t('page.misses'));
  return (
    <>
      <h2 className="section-title">{t('title', { year: data.year })}</h2>
      <p className="muted">
        {data.unitName} · {t('sessionCount')}: {data.sessions.length}
      </p>
      <section className="stack stack--tight" aria-labelledby="evaluation-branches">
        <h3 id="evaluation-branches" className="section-title">
          {t('branchesSheet')}
        </h3>
        {/* Wide tables scroll sideways: the region takes focus so a keyboard can scroll it. */}
        <div className="table-wrap" role="region" aria-labelledby="evaluation-branches" tabIndex={0}>
          <table className="table" data-testid="evaluation-branches">
            <thead>
              <tr>
                <th scope="col">{t('columns.unit')}</th>
                <th scope="col" className="num">
                  {t('columns.target')}
                </th>
                <FigureHeads />
                <th scope="col">{t('columns.attendanceMeetsTarget')}</th>
                <th scope="col">{t('columns.reflectionsMeetTarget')}</th>
              </tr>
            </thead>
            <tbody>
              {[...data.branches, data.total].map((b, i) => (
                <tr key={`${b.unitId}:${i}`} data-testid="evaluation-branch" data-unit={b.unitName}>
                  <th scope="row">{i === data.branches.length ? t('total') : b.unitName}</th>
                  <td className="num">{b.targetPercent ?? '—'}</td>
                  <FigureCells figures={b.figures} />
                  <td>{verdict(b.attendanceMeetsTarget)}</td>
                  <td>{verdict(b.reflectionsMeetTarget)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="stack stack--tight" aria-labelledby="evaluation-members">
        <h3 id="evaluation-members" className="section-title">
          {t('membersSheet')}
        </h3>
        <div className="table-wrap" role="region" aria-labelledby="evaluation-members" tabIndex={0}>
          <table className="table" data-testid="evaluation-members">
            <thead>
              <tr>
                <th scope="col">{t('columns.fullName')}</th>
                <th scope="col">{t('columns.unit')}</th>
                <FigureHeads />
                {data.grades.map((g) => (
                  <th key={g} scope="col" className="num">
                    {t('columns.grade', { grade: g })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.memberId} data-testid="evaluation-member" data-member={m.fullName}>
                  <th scope="row">{m.fullName}</th>
                  <td>{m.unitName}</td>
                  <FigureCells figures={m.figures} />
                  {data.grades.map((g) => (
                    <td key={g} className="num">
                      {m.figures.byGrade[g] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

const figureColumns = [
  'required',
  'attended',
  'excused',
  'absent',
  'attendanceRate',
  'reflectionsAsked',
  'reflectionsSubmitted',
  'submissionRate',
  'reflectionsPassing',
] as const;

function FigureHeads() {
  const { t } = useTranslation('translation', { keyPrefix: 'evaluation.columns' });
  return (
    <>
      {figureColumns.map((c) => (
        <th key={c} scope="col" className="num">
          {t(c)}
        </th>
      ))}
    </>
  );
}

function FigureCells({ figures }: { figures: YearFigures }) {
  return (
    <>
      {figureColumns.map((c) => {
        const v = figures[c];
        return (
          <td key={c} className="num">
            {c === 'attendanceRate' || c === 'submissionRate' ? formatRate(v as number | null) : v}
          </td>
        );
      })}
    </>
  );
}
