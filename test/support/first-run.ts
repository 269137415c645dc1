import type { AuthResult } from '@hallbridge/contracts';
import { ApiClient } from './api-client';

export interface FirstRun {
  /** Anonymous client on the product. */
  api: ApiClient;
  /** The organiser `tochuc` the setup creates, signed in. */
  organiser: ApiClient;
  /** What the setup answered (the organiser's token, expiry and principal). */
  auth: AuthResult;
  /** The organisation's root committee. */
  rootId: string;
}

/**
 * The first-run setup through the API (what the setup page posts): an organisation whose root
 * committee is run by the organiser `tochuc` with `password`. For tests and benchmarks that are
 * about something else.
 */
export async function firstRun(
  url: string,
  organisation: { name: string; code: string; password: string; displayName?: string },
): Promise<FirstRun> {
  const api = new ApiClient(url);
  const setup = await api.post<AuthResult>('/setup', {
    organisationName: organisation.name,
    organisationCode: organisation.code,
    username: 'tochuc',
    password: organisation.password,
    displayName: organisation.displayName ?? 'Nguyễn Văn Tổ',
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${JSON.stringify(setup.body)}`);
  return {
    api,
    organiser: api.as(setup.body.token),
    auth: setup.body,
    rootId: setup.body.principal.unitId,
  };
}

/** A branch under `parentId`; returns its id. */
export async function addBranch(
  organiser: ApiClient,
  parentId: string,
  branch: { name: string; code: string },
): Promise<string> {
  const res = await organiser.post('/units', { parentId, ...branch, kind: 'branch' });
  if (res.status !== 201) throw new Error(`branch ${branch.code}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
