import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../components/query-state';
import { ProgrammeActions } from './programme-actions';
import { ProgrammeComments } from './programme-comments';
import { ProgrammeStatus } from './programme-page';
import { ProgrammeStateChip } from './programme-state';
import { useProgramme } from './programmes-api';
import './programmes.css';

/** /me/sessions/:id/programme — the member reads their branch's programme and comments while it is open. */
export function MemberProgrammePage() {
  const { t } = useTranslation('translation', { keyPrefix: 'programmes' });
  const { id = '' } = useParams();
  const query = useProgramme(id, 'mine');
  const p = query.data;
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {p && (
        <article className="stack stack--loose" data-testid="member-programme">
          <Link to={`/me/sessions/${id}`} className="back-link back-link--large">
            <span aria-hidden="true">← </span>
            {p.sessionTitle}
          </Link>
          <header className="stack stack--tight">
            <h1>{t('member.open')}</h1>
            <p>
              {p.unitName} <ProgrammeStateChip state={p.id ? p.state : null} />
            </p>
          </header>
          <ProgrammeStatus programme={p} />
          <ProgrammeActions programme={p} unitKey="mine" />
          <div className="member-card">
            <ProgrammeComments programme={p} unitKey="mine" />
          </div>
        </article>
      )}
    </QueryState>
  );
}
