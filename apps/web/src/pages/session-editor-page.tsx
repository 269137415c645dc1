import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCreateSession, useSession, useUpdateSession } from '../api/sessions';
import { useUnitTree } from '../api/units';
import { usePrincipal } from '../auth/auth-store';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { SessionForm } from '../components/session-form';
import { draftOf, emptyDraft, toCreateBody, toUpdateBody } from '../lib/session-draft';

/** /sessions/new and /sessions/:id/edit */
export function SessionEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const principal = usePrincipal();
  const session = useSession(id);
  const units = useUnitTree();
  const create = useCreateSession();
  const update = useUpdateSession();
  const mutation = id ? update : create;
  const ready = !units.isLoading && (!id || !!session.data);

  return (
    <>
      <PageHeader
        title={id ? t('sessions.form.editTitle') : t('sessions.form.newTitle')}
        subtitle={session.data?.title ?? t('sessions.form.newSubtitle')}
      />
      <QueryState loading={!ready} error={session.error ?? units.error}>
        <SessionForm
          key={session.data?.updatedAt ?? 'new'}
          initial={session.data ? draftOf(session.data) : emptyDraft(principal?.unitId ?? '')}
          state={session.data?.state}
          tree={units.tree}
          pending={mutation.isPending}
          error={mutation.error}
          onCancel={() => navigate(id ? `/sessions/${id}` : '/sessions')}
          onSubmit={(draft) => {
            if (id && session.data)
              update.mutate(
                { id, body: toUpdateBody(draft, session.data.state) },
                { onSuccess: (s) => navigate(`/sessions/${s.id}`) },
              );
            else create.mutate(toCreateBody(draft), { onSuccess: (s) => navigate(`/sessions/${s.id}`) });
          }}
        />
      </QueryState>
    </>
  );
}
