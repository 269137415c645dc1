import type { ApiClient } from './api-client';

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
