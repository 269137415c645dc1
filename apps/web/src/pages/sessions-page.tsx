import { SessionState } from '@hallbridge/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSessions } from '../api/sessions';
import { usePrincipal } from '../auth/auth-store';
import { FormField } from '../components/form-field';
import { MonthCalendar } from '../components/month-calendar';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { SessionList } from '../components/session-list';
import { addDays, monthGridStart } from '../lib/datetime';
import { splitByEnd } from '../lib/session-time';
import { useNow } from '../lib/use-now';

const states = SessionState.options;

function monthOf(param: string | null): Date {
  const m = /^(\d{4})-(\d{2})$/.exec(param ?? '');
  const now = new Date();
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, 1) : new Date(now.getFullYear(), now.getMonth(), 1);
}

/** Sessions as a list (upcoming, then past) or as a month calendar; view, month and filter live in the URL. */
export function SessionsPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const state = states.find((s) => s === params.get('state'));
  const month = monthOf(params.get('month'));
  const gridStart = monthGridStart(month);
  const range =
    view === 'calendar' ? { from: gridStart.toISOString(), to: addDays(gridStart, 42).toISOString() } : {};
  const sessions = useSessions({ ...range, state });
  const update = (patch: Record<string, string | null>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const now = useNow();
  const [upcoming, past] = useMemo(() => splitByEnd(sessions.data ?? [], now), [sessions.data, now]);

  return (
    <>
      <PageHeader
        title={t('sessions.title')}
        subtitle={t('sessions.subtitle')}
        actions={
          principal?.role === 'organiser' && (
            <Link to="/sessions/new" className="button button--primary" data-testid="session-new">
              {t('sessions.new')}
            </Link>
          )
        }
      />
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('sessions.view')}>
          <button
            type="button"
            aria-pressed={view === 'list'}
            onClick={() => update({ view: null })}
            data-testid="view-list"
          >
            {t('sessions.viewList')}
          </button>
          <button
            type="button"
            aria-pressed={view === 'calendar'}
            onClick={() => update({ view: 'calendar' })}
            data-testid="view-calendar"
          >
            {t('sessions.viewCalendar')}
          </button>
        </div>
        <FormField label={t('sessions.filterState')}>
          {(a11y) => (
            <select
              {...a11y}
              value={state ?? ''}
              onChange={(e) => update({ state: e.target.value || null })}
              data-testid="sessions-filter-state"
            >
              <option value="">{t('sessions.allStates')}</option>
              {states.map((s) => (
                <option key={s} value={s}>
                  {t(`sessionState.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {view === 'calendar' ? (
        <>
          <QueryState loading={sessions.isLoading} error={sessions.error}>
            <MonthCalendar
              month={month}
              sessions={sessions.data ?? []}
              onMonthChange={(m) =>
                update({ month: `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}` })
              }
            />
          </QueryState>
          <ul className="legend" aria-label={t('calendar.legend')}>
            {states.map((s) => (
              <li key={s} className={`legend__item legend__item--${s}`}>
                {t(`sessionState.${s}`)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <QueryState
          loading={sessions.isLoading}
          error={sessions.error}
          empty={(sessions.data ?? []).length === 0}
          emptyText={t('sessions.empty')}
        >
          {upcoming.length > 0 && (
            <section aria-labelledby="upcoming-title" className="stack">
              <h2 id="upcoming-title" className="section-title">
                {t('sessions.upcoming')}
              </h2>
              <SessionList sessions={upcoming} hrefOf={(s) => `/sessions/${s.id}`} />
            </section>
          )}
          {past.length > 0 && (
            <section aria-labelledby="past-title" className="stack">
              <h2 id="past-title" className="section-title">
                {t('sessions.past')}
              </h2>
              <SessionList sessions={past} hrefOf={(s) => `/sessions/${s.id}`} testId="session-list-past" />
            </section>
          )}
        </QueryState>
      )}
    </>
  );
}
