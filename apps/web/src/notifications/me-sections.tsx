import type { StudySession } from '@hallbridge/contracts';
import type { CatalogueLocale } from '@hallbridge/i18n';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorText } from '../api/errors';
import { download } from '../api/http';
import { useMemberHistory } from '../attendance/attendance-api';
import { formatRate } from '../attendance/attendance-format';
import { usePrincipal } from '../auth/auth-store';
import { formatBytes } from '../i18n/format';
import { setLocale } from '../i18n/setup';
import { useSavePreferences } from './notifications-api';
import './notifications.css';

/** Every reading material of the member's sessions, newest session first, to download on the phone. */
export function MemberMaterials({ sessions }: { sessions: StudySession[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  const withMaterials = sessions.filter((s) => s.materials.length > 0);
  return (
    <section aria-labelledby="me-materials" className="stack" data-testid="me-materials">
      <h2 id="me-materials" className="section-title">
        {t('notifications.me.materials')}
      </h2>
      {withMaterials.length === 0 ? (
        <p className="muted">{t('notifications.me.materialsEmpty')}</p>
      ) : (
        <div className="member-card stack">
          {error ? (
            <p className="alert alert--error" role="alert">
              {errorText(error)}
            </p>
          ) : null}
          {withMaterials.map((s) => (
            <div key={s.id} className="stack stack--tight">
              <Link to={`/me/sessions/${s.id}`}>{s.title}</Link>
              <ul className="reach-list">
                {s.materials.map((m) => (
                  <li key={m.id}>
                    <button
                      type="button"
                      className="button button--block"
                      aria-label={t('materials.downloadAria', { name: m.fileName })}
                      onClick={() => {
                        setError(null);
                        download(`/materials/${m.id}/download`, m.fileName).catch(setError);
                      }}
                    >
                      {m.fileName} <span className="muted small">({formatBytes(m.size)})</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

/** The member's attendance record in one line, and the way to the whole table. */
export function MemberHistorySummary() {
  const { t } = useTranslation();
  const history = useMemberHistory('me');
  const total = history.data?.total;
  return (
    <section aria-labelledby="me-history" className="stack stack--tight" data-testid="me-history">
      <h2 id="me-history" className="section-title">
        {t('notifications.me.history')}
      </h2>
      {total && history.data!.sessions.length > 0 && (
        <p data-testid="me-history-summary">
          {t('attendance.history.summary', {
            attending: total.attending,
            required: total.required,
            rate: formatRate(total.rate),
          })}
        </p>
      )}
      <Link to="/me/attendance" className="button button--block" data-testid="me-attendance-history">
        {t('attendance.history.link')}
      </Link>
    </section>
  );
}

/** The language invitations and reminders are written in; the page follows it too. */
export function MessageLanguage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const save = useSavePreferences();
  const errorText = useErrorText();
  return (
    <div className="stack stack--tight" data-testid="me-language">
      <label htmlFor="me-language-select">{t('notifications.me.language')}</label>
      <select
        id="me-language-select"
        value={principal?.locale ?? 'vi'}
        disabled={save.isPending}
        onChange={(e) => {
          const locale = e.target.value as CatalogueLocale;
          save.mutate({ locale }, { onSuccess: () => setLocale(locale) });
        }}
      >
        <option value="vi">{t('nav.languageName.vi')}</option>
        <option value="en">{t('nav.languageName.en')}</option>
      </select>
      <p className="muted small" aria-live="polite">
        {save.isSuccess ? t('notifications.me.languageSaved') : save.error ? errorText(save.error) : ''}
      </p>
    </div>
  );
}
