import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../i18n/format';
import { ProgrammeStateChip } from './programme-state';
import { useProgramme } from './programmes-api';

/**
 * On the member's session page: their branch's action programme, once the secretary has put it out
 * for comments or adopted it (a draft is the secretary's working copy). Nothing when the branch
 * was not invited.
 */
export function ProgrammeCallCard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes' });
  const query = useProgramme(sessionId, 'mine');
  const p = query.data;
  if (!p?.id || p.state === 'draft') return null;
  return (
    <section className="member-card stack stack--tight" aria-labelledby="programme-call">
      <h2 id="programme-call" className="section-title">
        {t('member.open')}
      </h2>
      <p>
        <ProgrammeStateChip state={p.state} />
      </p>
      {p.state === 'open' && p.commentsCloseAt && (
        <p>{t('edit.commentsUntil', { time: formatDateTime(p.commentsCloseAt) })}</p>
      )}
      <Link
        to={`/me/sessions/${sessionId}/programme`}
        className={`button button--large button--block${p.canComment ? ' button--primary' : ''}`}
        data-testid="open-programme"
      >
        {p.canComment ? t('member.comment') : t('member.read')}
      </Link>
    </section>
  );
}
