import type { BranchAttendance } from '@hallbridge/contracts';
import { useTranslation } from 'react-i18next';
import { formatRate } from './attendance-format';

/**
 * Each branch's participation rate as a horizontal bar, with its target marked on the bar: short
 * bars stand out at a glance. Plain HTML, so it reads well in a screen reader too.
 */
export function BranchRateChart({ branches }: { branches: readonly BranchAttendance[] }) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.panel' });
  return (
    <figure className="rate-chart" data-testid="attendance-chart">
      <figcaption className="section-title">{t('chartTitle')}</figcaption>
      <ul className="plain-list rate-chart__rows">
        {branches.map((b) => {
          const percent = b.rate === null ? 0 : Math.round(b.rate * 1000) / 10;
          const label = t('chartBar', {
            unit: b.unitName,
            rate: formatRate(b.rate),
            target: b.targetPercent ?? '—',
          });
          return (
            <li
              key={b.unitId}
              className="rate-chart__row"
              data-testid="attendance-branch"
              data-unit={b.unitName}
              data-rate={b.rate ?? ''}
            >
              <span className="rate-chart__label">{b.unitName}</span>
              <span className="rate-chart__track" role="img" aria-label={label} title={label}>
                <span
                  className={`rate-chart__bar${b.meetsTarget === false ? ' rate-chart__bar--short' : ''}`}
                  style={{ width: `${percent}%` }}
                />
                {b.targetPercent !== null && (
                  <span
                    className="rate-chart__target"
                    style={{ left: `${Math.min(100, b.targetPercent)}%` }}
                  />
                )}
              </span>
              <span className="rate-chart__value num">
                {formatRate(b.rate)}{' '}
                <span className="muted small">
                  ({b.attending}/{b.required})
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
