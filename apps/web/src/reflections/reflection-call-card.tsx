import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../i18n/format';
import { useReflectionCall } from './reflections-api';

/** On the member's session page: the way to their reflection, when the session asks for one. */
export function ReflectionCallCard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'reflections' });
  const call = useReflectionCall(sessionId);
  const settings = call.data?.settings;
  if (!settings?.enabled) return null;
  return (
    <section className="member-card stack stack--tight" aria-labelledby="reflection-call">
      <h2 id="reflection-call" className="section-title">
        {t('title')}
      </h2>
      <p>{t('write.deadline', { deadline: formatDateTime(settings.deadline) })}</p>
      <Link
        to={`/me/sessions/${sessionId}/reflection`}
        className="button button--primary button--large button--block"
        data-testid="open-reflection"
      >
        {t('write.open')}
      </Link>
    </section>
  );
}
