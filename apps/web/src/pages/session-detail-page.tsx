import { roomIsOpen } from '@hallbridge/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../api/sessions';
import { useUnitTree } from '../api/units';
import { usePrincipal } from '../auth/auth-store';
import { JoinLinksPanel } from '../components/join-links-panel';
import { MaterialsPanel } from '../components/materials-panel';
import { PageHeader } from '../components/page-header';
import { QueryState } from '../components/query-state';
import { SessionActionsBar } from '../components/session-actions-bar';
import { SessionFacts } from '../components/session-facts';
import { StateBadge } from '../components/state-badge';
import { fullyLocked } from '../lib/session-draft';
import { invitedTree } from '../lib/unit-tree';
import { liveViewFor } from '../live-views/lib/live-paths';
import { InvitationsPanel } from '../notifications/invitations-panel';
import './session-detail-page.css';

export function SessionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const principal = usePrincipal();
  const session = useSession(id);
  const manager = principal?.role === 'organiser';
  const sendsLinks = manager || principal?.role === 'secretary';
  const units = useUnitTree(sendsLinks);
  const s = session.data;
  const presents = !!s && s.presenters.some((p) => p.userId === principal?.userId);
  // Filters by unit offer the units the session invited (and those below them), not the whole tree.
  const reached = s
    ? invitedTree(
        units.tree,
        s.invitedUnits.map((u) => u.unitId),
      )
    : [];

  return (
    <QueryState loading={session.isLoading} error={session.error}>
      {s && (
        <div className="stack stack--loose" data-testid="session-detail">
          <p>
            <Link to="/sessions" className="back-link">
              <span aria-hidden="true">← </span>
              {t('sessions.backToList')}
            </Link>
          </p>
          <PageHeader
            title={
              <>
                <span data-testid="session-detail-title">{s.title}</span> <StateBadge state={s.state} />
              </>
            }
            actions={
              (sendsLinks || presents || roomIsOpen(s.state)) && (
                <>
                  {sendsLinks && s.state !== 'cancelled' && (
                    <Link
                      to={`/sessions/${s.id}/attendance`}
                      className="button"
                      data-testid="open-attendance"
                    >
                      {t('attendance.open')}
                    </Link>
                  )}
                  {sendsLinks && s.state !== 'cancelled' && (
                    <Link
                      to={`/sessions/${s.id}/reflections`}
                      className="button"
                      data-testid="open-reflections"
                    >
                      {t('reflections.title')}
                    </Link>
                  )}
                  {sendsLinks && s.state !== 'cancelled' && (
                    <Link
                      to={`/sessions/${s.id}/programmes`}
                      className="button"
                      data-testid="open-programmes"
                    >
                      {t('programmes.title')}
                    </Link>
                  )}
                  {(manager || presents) && s.state !== 'cancelled' && (
                    <Link to={`/sessions/${s.id}/feedback`} className="button" data-testid="open-feedback">
                      {t('feedback.manage.title')}
                    </Link>
                  )}
                  {roomIsOpen(s.state) && (
                    <Link
                      to={liveViewFor(principal, s)}
                      className="button button--primary"
                      data-testid="open-live-room"
                    >
                      {principal?.role === 'presenter' && presents
                        ? t('live.open.present')
                        : t('live.open.console')}
                    </Link>
                  )}
                  {manager && (
                    <Link
                      to={`/audit?sessionId=${s.id}`}
                      className="button button--ghost"
                      data-testid="session-audit"
                    >
                      {t('sessions.detail.history')}
                    </Link>
                  )}
                  {manager && !fullyLocked(s.state) && (
                    <Link to={`/sessions/${s.id}/edit`} className="button" data-testid="session-edit">
                      {t('common.edit')}
                    </Link>
                  )}
                </>
              )
            }
          />
          <SessionActionsBar sessionId={s.id} />
          <div className="detail-grid">
            <section className="panel" aria-label={t('sessions.detail.facts')}>
              <SessionFacts session={s} />
            </section>
            <MaterialsPanel
              sessionId={s.id}
              materials={s.materials}
              canUpload={manager || presents}
              canDelete={manager}
            />
          </div>
          {sendsLinks && s.state !== 'cancelled' && <InvitationsPanel sessionId={s.id} tree={reached} />}
          {sendsLinks && <JoinLinksPanel sessionId={s.id} tree={reached} />}
        </div>
      )}
    </QueryState>
  );
}
