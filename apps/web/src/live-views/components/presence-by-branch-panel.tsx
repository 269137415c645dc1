import type { Participant } from '@hallbridge/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupPresence } from '../lib/presence-groups';

/** Who is connected, by branch: members from their devices and the branch's room screens. */
export function PresenceByBranchPanel({
  participants,
  count,
}: {
  participants: readonly Participant[];
  count: number;
}) {
  const { t, i18n } = useTranslation();
  const summary = useMemo(() => groupPresence(participants, i18n.language), [participants, i18n.language]);
  return (
    <section className="panel stack" aria-labelledby="presence-title" data-testid="presence-panel">
      <div className="panel__header">
        <h2 id="presence-title">{t('live.presence.title')}</h2>
        <span className="chip" data-testid="presence-total" data-count={count}>
          {t('live.presence.count', { count })}
        </span>
      </div>
      <p className="muted small">
        {t('live.presence.summary', {
          members: summary.memberCount,
          sites: summary.siteCount,
          branches: summary.branches.length,
        })}
      </p>
      {summary.branches.length === 0 ? (
        <p className="muted">{t('live.presence.empty')}</p>
      ) : (
        <ul className="presence-branches plain-list">
          {summary.branches.map((b) => (
            <li
              key={b.unitId}
              className="presence-branch"
              data-testid="presence-branch"
              data-unit={b.unitName}
              data-members={b.members.length}
              data-sites={b.sites.length}
            >
              <details>
                <summary>
                  <span className="presence-branch__name">{b.unitName}</span>
                  <span className="presence-branch__counts small">
                    {t('live.presence.members', { count: b.members.length })}
                    {b.sites.length > 0 && ` · ${t('live.presence.sites', { count: b.sites.length })}`}
                  </span>
                </summary>
                <ul className="presence-people small">
                  {b.sites.map((s) => (
                    <li key={s.key} data-testid="presence-site">
                      <span className="chip chip--branch">{t('roles.site')}</span> {s.name}
                    </li>
                  ))}
                  {b.members.map((m) => (
                    <li key={m.key} data-testid="presence-member">
                      {m.name}
                      {m.connections > 1 && (
                        <span className="muted">
                          {' '}
                          ({t('live.presence.devices', { count: m.connections })})
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
      {summary.staff.length > 0 && (
        <p className="muted small" data-testid="presence-staff">
          {t('live.presence.staff')}:{' '}
          {summary.staff.map((s) => `${s.name} (${t(`roles.${s.role}`)})`).join(', ')}
        </p>
      )}
    </section>
  );
}
