import type { BranchReflectionRates, ReflectionRates } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { download } from '../api/http';
import { useSession } from '../api/sessions';
import { usePrincipal } from '../auth/auth-store';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { formatDateTime, formatNumber } from '../i18n/format';
import { ReflectionSettingsPanel } from './reflection-settings-panel';
import { useSessionReflections } from './reflections-api';
import './reflections.css';

const pct = (rate: number | null) =>
  rate === null ? '—' : formatNumber(rate, { style: 'percent', maximumFractionDigits: 1 });

/** Organisers and secretaries: the call for reflections, the rates by branch, and who handed in what. */
export function ReflectionsPage() {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections' });
  const { t: tr } = useTranslation();
  const { id = '' } = useParams();
  const principal = usePrincipal();
  const session = useSession(id);
  const list = useSessionReflections(id);
  const [exportError, setExportError] = useState<unknown>(null);
  const data = list.data;
  const get = (kind: 'csv' | 'xlsx') => {
    setExportError(null);
    download(`/sessions/${id}/reflections/export.${kind}`, `${t('export.fileName')}.${kind}`).catch(
      setExportError,
    );
  };
  return (
    <QueryState loading={list.isLoading || session.isLoading} error={list.error ?? session.error}>
      {data && session.data && (
        <div className="stack stack--loose" data-testid="reflections-page">
          <p>
            <Link to={`/sessions/${id}`} className="back-link">
              <span aria-hidden="true">← </span>
              {tr('sessions.backToList')}
            </Link>
          </p>
          <PageHeader
            title={t('review.title', { title: data.title })}
            actions={
              <>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => get('csv')}
                  data-testid="reflections-export-csv"
                >
                  {t('review.exportCsv')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => get('xlsx')}
                  data-testid="reflections-export-xlsx"
                >
                  {t('review.exportXlsx')}
                </button>
              </>
            }
          />
          <ErrorAlert error={exportError} />
          {principal?.role === 'organiser' && (
            <ReflectionSettingsPanel
              sessionId={id}
              settings={data.settings}
              sessionEndsAt={session.data.endsAt}
            />
          )}
          {data.settings && (
            <>
              <p className="muted">
                {t('review.scope', { unit: data.scopeUnitName })} ·{' '}
                {t('settings.summary', {
                  deadline: formatDateTime(data.settings.deadline),
                  minWords: data.settings.minWords,
                })}
              </p>
              <RatesSummary total={data.total} />
              {data.branches.length > 1 && <BranchRates branches={data.branches} />}
              <MemberTable data={data} />
            </>
          )}
        </div>
      )}
    </QueryState>
  );
}

function RatesSummary({ total }: { total: ReflectionRates }) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections.export.branchColumns' });
  const figures: ['submitted' | 'awaitingReview' | 'graded' | 'passing', string, string][] = [
    ['submitted', `${total.submitted}/${total.required}`, pct(total.submissionRate)],
    ['awaitingReview', String(total.awaitingReview), ''],
    ['graded', String(total.graded), ''],
    ['passing', String(total.passing), pct(total.passRate)],
  ];
  return (
    <section
      className="panel reflection-rates"
      data-testid="reflection-rates"
      data-submitted={total.submitted}
      data-required={total.required}
    >
      {figures.map(([key, value, rate]) => (
        <div key={key}>
          <span className="reflection-rates__figure">{value}</span>
          <span className="muted">
            {t(key)}
            {rate && ` · ${rate}`}
          </span>
        </div>
      ))}
    </section>
  );
}

function BranchRates({ branches }: { branches: BranchReflectionRates[] }) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections' });
  const cols = ['required', 'submitted', 'submissionRate', 'graded', 'passRate'] as const;
  return (
    <section className="stack stack--tight" aria-labelledby="reflection-branches">
      <h2 id="reflection-branches" className="section-title">
        {t('review.byBranch')}
      </h2>
      <div className="table-wrap">
        <table className="table" data-testid="reflection-branches">
          <thead>
            <tr>
              <th scope="col">{t('export.branchColumns.unit')}</th>
              {cols.map((c) => (
                <th key={c} scope="col" className="num">
                  {t(`export.branchColumns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {branches.map((b) => (
              <tr key={b.unitId}>
                <th scope="row">{b.unitName}</th>
                <td className="num">{b.required}</td>
                <td className="num">{b.submitted}</td>
                <td className="num">{pct(b.submissionRate)}</td>
                <td className="num">{b.graded}</td>
                <td className="num">{pct(b.passRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MemberTable({ data }: { data: NonNullable<ReturnType<typeof useSessionReflections>['data']> }) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections' });
  const { t: tr } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="reflection-members">
        <thead>
          <tr>
            <th scope="col">{t('review.columns.member')}</th>
            <th scope="col">{t('review.columns.attendance')}</th>
            <th scope="col">{t('review.columns.state')}</th>
            <th scope="col">{t('review.columns.grade')}</th>
            <th scope="col">
              <span className="visually-hidden">{tr('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.members.map((m) => (
            <tr
              key={m.memberId}
              data-testid="reflection-member"
              data-member={m.fullName}
              data-state={m.state ?? 'none'}
            >
              <th scope="row">
                {m.fullName}
                <div className="muted small">{m.unitName}</div>
              </th>
              <td>{m.attendance ? tr(`attendance.status.${m.attendance}`) : '—'}</td>
              <td>{t(`state.${m.state ?? 'none'}`)}</td>
              <td data-testid="reflection-member-grade">
                {m.state === 'graded' ? m.review?.gradeLabel : ''}
              </td>
              <td className="table__actions">
                {m.reflectionId ? (
                  <Link
                    to={`/reflections/${m.reflectionId}`}
                    className="button button--small"
                    data-testid="reflection-open"
                  >
                    {t('review.read')}
                  </Link>
                ) : (
                  <span className="muted small">{t('review.notHandedIn')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
