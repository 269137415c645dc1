import type { SessionAttendance } from '@hallbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { FormField } from '../components/form-field';
import { useAttendance, useCheckOut, useGuestCount, useRosterTick } from './attendance-api';

/**
 * On the room's screen (or a secretary's phone at the room): tick the members sitting here, and
 * count the guests who are not on any roster. Every change is audited by the server.
 */
export function SiteRosterPanel({ sessionId, siteId }: { sessionId: string; siteId: string }) {
  const { t, i18n } = useTranslation('translation', { keyPrefix: 'attendance' });
  const report = useAttendance(sessionId);
  const tick = useRosterTick(sessionId);
  const checkOut = useCheckOut(sessionId);
  const [search, setSearch] = useState('');
  if (!report.data) return <ErrorAlert error={report.error} />;
  const needle = search.trim().toLocaleLowerCase(i18n.language);
  const members = report.data.members.filter(
    (m) => !needle || m.fullName.toLocaleLowerCase(i18n.language).includes(needle),
  );
  const here = report.data.members.filter((m) => m.checkIn?.siteId === siteId).length;
  return (
    <section className="panel stack" data-testid="site-roster">
      <h2>{t('roster.title')}</h2>
      <p className="muted small">{t('roster.intro')}</p>
      <p>{t('roster.count', { count: here })}</p>
      <FormField label={t('roster.search')}>
        {(a11y) => <input {...a11y} value={search} onChange={(e) => setSearch(e.target.value)} />}
      </FormField>
      <ErrorAlert error={tick.error ?? checkOut.error} />
      <ul className="plain-list attendance-names">
        {members.map((m) => {
          const isHere = m.checkIn?.siteId === siteId;
          return (
            <li key={m.memberId} data-testid="site-roster-member" data-member={m.fullName}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={isHere}
                  disabled={tick.isPending || checkOut.isPending || report.data.locked}
                  aria-label={
                    isHere
                      ? t('roster.untickAria', { name: m.fullName })
                      : t('roster.tickAria', { name: m.fullName })
                  }
                  onChange={() =>
                    isHere ? checkOut.mutate(m.checkIn!.id) : tick.mutate({ memberId: m.memberId, siteId })
                  }
                />
                <span>{m.fullName}</span>{' '}
                <span className="muted small">
                  {isHere
                    ? t('roster.here')
                    : m.checkIn
                      ? t('roster.elsewhere', { site: m.checkIn.siteName })
                      : m.connected
                        ? t('roster.online')
                        : ''}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <GuestsForm report={report.data} siteId={siteId} />
    </section>
  );
}

function GuestsForm({ report, siteId }: { report: SessionAttendance; siteId: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'attendance.guests' });
  const current = report.guests.find((g) => g.siteId === siteId);
  const [count, setCount] = useState(String(current?.count ?? 0));
  const [note, setNote] = useState(current?.note ?? '');
  const save = useGuestCount(report.sessionId, siteId);
  return (
    <form
      className="stack stack--tight"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ count: Number(count) || 0, note: note.trim() || undefined });
      }}
    >
      <h3 className="section-title">{t('title')}</h3>
      <p className="muted small">{t('hint')}</p>
      <div className="form-row">
        <FormField label={t('count')}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              min={0}
              max={10000}
              className="input--short"
              value={count}
              onChange={(e) => setCount(e.target.value)}
              data-testid="guest-count"
            />
          )}
        </FormField>
        <FormField label={t('note')}>
          {(a11y) => (
            <input {...a11y} maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </FormField>
      </div>
      <ErrorAlert error={save.error} />
      <button
        type="submit"
        className="button"
        disabled={save.isPending || report.locked}
        data-testid="guest-save"
      >
        {save.isSuccess ? t('saved') : t('save')}
      </button>
    </form>
  );
}
