import { ApiClient } from './api-client';
import { TEST_PASSWORD, type organisationFactory } from './factories';

/**
 * Live tokens the way people get them: each member exchanges their personal join link (as listed
 * to the organiser) at /auth/join; `people` maps a short name to the member's full name.
 */
export async function memberTokens(
  organiser: ApiClient,
  sessionId: string,
  people: Record<string, string>,
): Promise<Record<string, string>> {
  const links = (await organiser.get(`/sessions/${sessionId}/join-links`)).body as {
    fullName: string;
    url: string;
  }[];
  const anonymous = organiser.as(null);
  const tokens: Record<string, string> = {};
  for (const [who, fullName] of Object.entries(people)) {
    const link = links.find((l) => l.fullName === fullName);
    if (!link) throw new Error(`no join link for ${fullName}`);
    tokens[who] = (await anonymous.post('/auth/join', { token: link.url.split('/j/')[1] })).body.token;
  }
  return tokens;
}

/** A district room registered by `manager` and paired with its screen; returns the screen's token. */
export async function pairedSiteToken(manager: ApiClient, unitId: string, name: string): Promise<string> {
  const site = await manager.post('/sites', { unitId, name });
  return (await manager.as(null).post('/auth/pair', { code: site.body.pairingCode })).body.token;
}

/**
 * On organisationFactory's organisation, the session the live-room, media and scale-out specs
 * share: hosted by the province, inviting Huyện ủy Đông, Lê Báo Cáo presenting, joinable now (from
 * an hour ago to two hours ahead) but not started; with the live tokens of the organiser, the
 * presenter, members An and Bình and Thôn 1's paired room screen.
 */
export async function invitedSession(
  url: string,
  org: Awaited<ReturnType<typeof organisationFactory>>,
  title: string,
): Promise<{ api: ApiClient; organiser: ApiClient; sessionId: string; tokens: Record<string, string> }> {
  const hour = 3600_000;
  const api = new ApiClient(url);
  const organiser = await api.login('tochuc', TEST_PASSWORD);
  const presenter = await api.login('baocao', TEST_PASSWORD);
  const session = await organiser.post('/sessions', {
    title,
    startsAt: new Date(Date.now() - hour).toISOString(),
    endsAt: new Date(Date.now() + 2 * hour).toISOString(),
    hostUnitId: org.units.P.id,
    invitedUnitIds: [org.units.D1.id],
    presenterIds: [org.users.presenter.id],
  });
  if (session.status !== 201) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
  const sessionId: string = session.body.id;
  const tokens = {
    organiser: organiser.token!,
    presenter: presenter.token!,
    ...(await memberTokens(organiser, sessionId, { an: 'Nguyễn Văn An', binh: 'Phạm Thị Bình' })),
    site: await pairedSiteToken(organiser, org.units.B1.id, 'Hội trường Thôn 1'),
  };
  return { api, organiser, sessionId, tokens };
}
