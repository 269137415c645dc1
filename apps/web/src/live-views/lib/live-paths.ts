import type { Principal, StudySession } from '@hallbridge/contracts';

export const livePaths = {
  member: (sessionId: string) => `/live/${sessionId}`,
  present: (sessionId: string) => `/live/${sessionId}/present`,
  console: (sessionId: string) => `/live/${sessionId}/console`,
  site: (sessionId: string) => `/site/live/${sessionId}`,
};

/** The live view that fits the viewer: presenters present, other staff use the console. */
export function liveViewFor(principal: Principal | null, session: Pick<StudySession, 'id' | 'presenters'>) {
  if (!principal || principal.role === 'member') return livePaths.member(session.id);
  if (principal.role === 'site') return livePaths.site(session.id);
  const presents = session.presenters.some((p) => p.userId === principal.userId);
  return principal.role === 'presenter' && presents
    ? livePaths.present(session.id)
    : livePaths.console(session.id);
}
