import type { UnitAttendancePeriod } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnitTree } from '../api/units';
import { usePrincipal } from '../auth/auth-store';
import { FormField } from '../components/form-field';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { UnitSelect } from '../components/unit-select';
import { formatDate } from '../i18n/format';
import { unitExportPath, useUnitPeriod } from './attendance-api';
import { formatRate } from './attendance-format';
import { BranchRateChart } from './branch-rate-chart';
import { ExportButtons } from './export-buttons';
import './attendance.css';

/** /attendance/units — a unit's year: each session, each branch against its target, each member. */
export function UnitSummaryPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const units = useUnitTree();
  const [unitId, setUnitId] = useState(principal?.unitId ?? '');
  const [year, setYear] = useState(new Date().getFullYear());
  const period = useUnitPeriod(unitId, year);
  return (
    <>
      <PageHeader title={t('attendance.unit.title')} subtitle={t('attendance.unit.subtitle')} />
      <div className="toolbar">
        <FormField label={t('attendance.unit.unit')}>
          {(a11y) => (
            <UnitSelect
              {...a11y}
              tree={units.tree}
              value={unitId}
              onChange={setUnitId}
              testId="period-unit"
            />
          )}
        </FormField>
        <FormField label={t('attendance.unit.year')}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              className="input--short"
              min={2000}
              max={2100}
              value={year}
              onChange={(e) => setYear(Number(e.target.value) || new Date().getFullYear())}
            />
          )}
        </FormField>
      </div>
      {unitId && <ExportButtons pathFor={(kind) => unitExportPath(unitId, year, kind)} />}
      <QueryState
        loading={period.isLoading}
        error={period.error}
        empty={!!period.data && period.data.sessions.length === 0}
        emptyText={t('attendance.unit.empty')}
      >
        {period.data && <PeriodView period={period.data} />}
      </QueryState>
    </>
  );
}

function PeriodView({ period }: { period: UnitAttendancePeriod }) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance' });
  return (
    <div className="stack stack--loose" data-testid="unit-period">
      <section className="panel stack">
        <p className="attendance-headline__rate">{formatRate(period.total.rate)}</p>
        <BranchRateChart branches={period.branches} />
      </section>
      <section className="panel stack">
        <h2>{t('unit.sessions', { count: period.sessions.length })}</h2>
        <table className="attendance-table">
          <tbody>
            {period.sessions.map((s) => (
              <tr key={s.sessionId}>
                <td>
                  <Link to={`/sessions/${s.sessionId}/attendance`}>{s.title}</Link>
                </td>
                <td>{formatDate(s.startsAt)}</td>
                <td className="num">
                  {formatRate(s.total.rate)} ({s.total.attending}/{s.total.required})
                </td>
                <td>{s.locked ? '' : t('history.provisional')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel stack">
        <h2>{t('unit.members')}</h2>
        <table className="attendance-table">
          <tbody>
            {period.members.map((m) => (
              <tr key={m.memberId}>
                <td>
                  <Link to={`/members/${m.memberId}/attendance`}>{m.fullName}</Link>
                </td>
                <td>{m.unitName}</td>
                <td className="num">
                  {formatRate(m.total.rate)} ({m.total.attending}/{m.total.required})
                </td>
                <td>{t('panel.excusedCount', { count: m.total.excused })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
