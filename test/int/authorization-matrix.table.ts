/**
 * The reviewed expectations of the authorisation matrix (test/int/authorization-matrix.int-spec.ts):
 * one row per REST endpoint of the OpenAPI document and per client→server event of the socket
 * contract, one column per role. An endpoint or event without a row fails the test, and so does
 * a cell whose outcome differs from what is written here.
 *
 * Roles (columns):
 *   org   the province organiser who hosts the sessions (Tỉnh ủy)
 *   pres  the sessions' presenter
 *   sec   the secretary of Chi bộ Thôn 1, a branch the sessions invite
 *   mem   Nguyễn Văn An, a member of Thôn 1 (signed in with his join link)
 *   site  Thôn 1's paired room screen
 *   xsec  the secretary of Chi bộ Thôn 4 in Huyện ủy Tây, not invited (another branch)
 *   xorg  the organiser of Huyện ủy Tây (another branch's organiser)
 *   deact a Thôn 1 secretary whose account was deactivated after signing in
 *   anon  no token
 *
 * REST values: 2xx (any success), or the exact status. Outside one's scope a thing is 404, inside
 * it but not one's to do is 403 (docs/decisions.md "Security at the edge").
 * Socket values: ok, refused (the handshake is refused: no or a dead token), or the error code of
 * the acknowledgement (FORBIDDEN, NOT_FOUND, NOT_IN_ROOM: the caller could not join the room).
 */

export const ROLES = [
  'organiser',
  'presenter',
  'secretary',
  'member',
  'site',
  'otherSecretary',
  'otherOrganiser',
  'deactivated',
  'anonymous',
] as const;
export type Role = (typeof ROLES)[number];

const COLUMNS = ['org', 'pres', 'sec', 'mem', 'site', 'xsec', 'xorg', 'deact', 'anon'];

/** Parses a table: a header line naming the columns, then rows of a key (one or two words) and one value per role. */
export function parseTable(text: string, keyWords: 1 | 2): Map<string, Record<Role, string>> {
  const rows = new Map<string, Record<Role, string>>();
  const lines = text
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
  const header = lines.shift()?.split(/\s+/).slice(1) ?? [];
  if (header.join(' ') !== COLUMNS.join(' ')) throw new Error(`table header must be: … ${COLUMNS.join(' ')}`);
  for (const line of lines) {
    const words = line.split(/\s+/);
    const key = words.slice(0, keyWords).join(' ');
    const values = words.slice(keyWords);
    if (values.length !== ROLES.length)
      throw new Error(`row "${key}" has ${values.length} values, not ${ROLES.length}`);
    if (rows.has(key)) throw new Error(`row "${key}" is there twice`);
    rows.set(key, Object.fromEntries(ROLES.map((r, i) => [r, values[i]!])) as Record<Role, string>);
  }
  return rows;
}

/** Formats observed outcomes as a table (for a reviewer to compare or paste). */
export function formatTable(rows: Map<string, Record<Role, string>>, keyTitle: string): string {
  const width = Math.max(keyTitle.length, ...[...rows.keys()].map((k) => k.length)) + 2;
  const longest = Math.max(...[...rows.values()].flatMap((r) => Object.values(r).map((v) => v.length)));
  const cell = (v: string) => v.padEnd(Math.max(6, longest + 1));
  const lines = [keyTitle.padEnd(width) + COLUMNS.map(cell).join('').trimEnd()];
  for (const [key, values] of rows)
    lines.push(
      key.padEnd(width) +
        ROLES.map((r) => cell(values[r]))
          .join('')
          .trimEnd(),
    );
  return lines.join('\n');
}

export const REST = `
endpoint                                                            org   pres  sec   mem   site  xsec  xorg  deact anon
GET /api/health                                                     2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx
GET /api/health/live                                                2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx
GET /api/health/ready                                               2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx
GET /api/setup                                                      2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx
POST /api/setup                                                     403   403   403   403   403   403   403   403   403  # set-up is closed once an organisation exists
POST /api/auth/login                                                2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx  # public: the credentials decide
POST /api/auth/join                                                 2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx  # public: the link decides
POST /api/auth/pair                                                 2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx  # public: the pairing code decides
GET /api/auth/me                                                    2xx   2xx   2xx   2xx   2xx   2xx   2xx   401   401
POST /api/auth/sign-out-everywhere                                  2xx   2xx   2xx   403   403   2xx   2xx   401   401  # staff only (a twin account per cell)
GET /api/units                                                      2xx   2xx   2xx   403   403   2xx   2xx   401   401  # xsec, xorg: their own subtree
POST /api/units                                                     2xx   403   404   404   404   404   404   401   401  # a unit under Huyện ủy Đông: only organisers above it
PATCH /api/units/{id}                                               2xx   403   404   404   404   404   404   401   401
DELETE /api/units/{id}                                              2xx   403   404   404   404   404   404   401   401
GET /api/members                                                    2xx   403   2xx   403   403   404   404   401   401
POST /api/members                                                   2xx   403   2xx   403   403   404   404   401   401
POST /api/members/import                                            2xx   403   2xx   403   403   404   404   401   401
GET /api/members/{id}                                               2xx   403   2xx   403   403   404   404   401   401
PATCH /api/members/{id}                                             2xx   403   2xx   403   403   404   404   401   401
DELETE /api/members/{id}                                            2xx   403   2xx   403   403   404   404   401   401
GET /api/users                                                      2xx   403   403   403   403   403   2xx   401   401  # xorg: the accounts of their own subtree
POST /api/users                                                     2xx   403   404   404   404   404   404   401   401
GET /api/users/presenters                                           2xx   403   403   403   403   403   2xx   401   401
PATCH /api/users/{id}                                               2xx   403   403   403   403   404   404   401   401
GET /api/sites                                                      2xx   403   2xx   403   403   2xx   2xx   401   401  # xsec, xorg: their own rooms
POST /api/sites                                                     2xx   403   2xx   403   403   404   404   401   401
PATCH /api/sites/{id}                                               2xx   403   2xx   403   403   404   404   401   401
DELETE /api/sites/{id}                                              2xx   403   2xx   403   403   404   404   401   401
POST /api/sites/{id}/pairing-code                                   2xx   403   2xx   403   403   404   404   401   401
GET /api/sessions                                                   2xx   2xx   2xx   2xx   2xx   2xx   2xx   401   401  # each sees the sessions of their scope (xsec, xorg: none of these)
POST /api/sessions                                                  2xx   403   404   404   404   404   404   401   401
GET /api/sessions/{id}                                              2xx   2xx   2xx   2xx   2xx   404   404   401   401
PATCH /api/sessions/{id}                                            2xx   403   403   403   403   404   404   401   401
GET /api/sessions/{id}/actions                                      2xx   2xx   2xx   2xx   2xx   404   404   401   401
POST /api/sessions/{id}/transitions                                 2xx   2xx   403   403   403   404   404   401   401  # the presenter starts and ends the session too
GET /api/sessions/{id}/join-links                                   2xx   403   2xx   403   403   404   404   401   401
GET /api/sessions/{id}/join-links.csv                               2xx   403   2xx   403   403   404   404   401   401
POST /api/sessions/{id}/materials                                   2xx   2xx   403   403   403   404   404   401   401
GET /api/materials/{id}/download                                    2xx   2xx   2xx   2xx   2xx   404   404   401   401
DELETE /api/materials/{id}                                          2xx   403   403   403   403   404   404   401   401
GET /api/audit                                                      2xx   403   403   403   403   403   2xx   401   401
POST /api/sessions/{id}/decks                                       2xx   2xx   403   403   403   404   404   401   401
GET /api/sessions/{id}/decks                                        2xx   2xx   2xx   2xx   2xx   404   404   401   401
PUT /api/sessions/{id}/decks/order                                  2xx   2xx   403   403   403   404   404   401   401
GET /api/decks/{id}                                                 2xx   2xx   2xx   2xx   2xx   404   404   401   401
PATCH /api/decks/{id}                                               2xx   2xx   403   403   403   404   404   401   401
DELETE /api/decks/{id}                                              2xx   2xx   403   403   403   404   404   401   401
GET /api/decks/{id}/notes                                           2xx   2xx   403   403   403   404   404   401   401  # speaker notes: presenters and organisers only
GET /api/decks/{id}/pages/{page}.webp                               2xx   2xx   2xx   2xx   2xx   404   404   401   401
GET /api/decks/{id}/thumbs/{page}.webp                              2xx   2xx   2xx   2xx   2xx   404   404   401   401
GET /api/sessions/{id}/polls.csv                                    2xx   2xx   403   403   403   404   404   401   401
GET /api/sessions/{id}/poll-answers.csv                             2xx   2xx   403   403   403   404   404   401   401
GET /api/sessions/{id}/quiz-scores.csv                              2xx   2xx   403   403   403   404   404   401   401
GET /api/sessions/{id}/attendance                                   2xx   403   2xx   403   2xx   404   404   401   401  # the room screen reads the roster it checks people in from
GET /api/sessions/{id}/attendance.csv                               2xx   403   2xx   403   2xx   404   404   401   401
GET /api/sessions/{id}/attendance.xlsx                              2xx   403   2xx   403   2xx   404   404   401   401
GET /api/sessions/{id}/attendance.html                              2xx   403   2xx   403   2xx   404   404   401   401
GET /api/sessions/{id}/attendance/intervals                         2xx   403   2xx   403   2xx   404   404   401   401
POST /api/sessions/{id}/attendance/excuses                          2xx   403   2xx   403   403   404   404   401   401
DELETE /api/sessions/{id}/attendance/excuses/{memberId}             2xx   403   2xx   403   403   404   404   401   401
POST /api/sessions/{id}/attendance/check-ins                        2xx   403   2xx   403   2xx   404   404   401   401
POST /api/sessions/{id}/attendance/check-ins/{checkInId}/check-out  2xx   403   2xx   403   2xx   404   404   401   401
DELETE /api/sessions/{id}/attendance/check-ins/{checkInId}          2xx   403   2xx   403   2xx   404   404   401   401
PUT /api/sessions/{id}/attendance/guests/{siteId}                   2xx   403   2xx   403   2xx   404   404   401   401
GET /api/sessions/{id}/check-in-code                                2xx   404   2xx   404   2xx   404   404   401   401  # only those who show the code in the room (no code from afar)
POST /api/check-ins                                                 403   403   403   2xx   403   403   403   401   401  # a member scanning the room code; staff have no roster entry
POST /api/check-ins/leave                                           403   403   403   2xx   403   403   403   401   401
GET /api/members/me/attendance                                      404   404   404   2xx   404   404   404   401   401  # members only
GET /api/members/{id}/attendance                                    2xx   403   2xx   2xx   403   404   404   401   401
GET /api/units/{id}/attendance                                      2xx   403   2xx   403   403   404   404   401   401
GET /api/units/{id}/attendance.csv                                  2xx   403   2xx   403   403   404   404   401   401
GET /api/units/{id}/attendance.xlsx                                 2xx   403   2xx   403   403   404   404   401   401
GET /api/units/{id}/attendance.html                                 2xx   403   2xx   403   403   404   404   401   401
POST /api/sessions/{id}/media/token                                 2xx   2xx   2xx   2xx   2xx   404   404   401   401
GET /api/sessions/{id}/media/participants                           2xx   2xx   403   403   403   404   404   401   401
POST /api/sessions/{id}/media/mute                                  2xx   2xx   403   403   403   404   404   401   401
POST /api/sessions/{id}/media/mute-all                              2xx   2xx   403   403   403   404   404   401   401
POST /api/sessions/{id}/media/remove                                404   404   403   403   403   404   404   401   401  # An is not in the media room: 404 for those who may remove
POST /api/media/webhook                                             401   401   401   401   401   401   401   401   401  # public, but only LiveKit-signed bodies
GET /api/sessions/{id}/reflections/settings                         2xx   2xx   2xx   2xx   2xx   404   404   401   401
PUT /api/sessions/{id}/reflections/settings                         2xx   403   403   403   403   404   404   401   401
GET /api/sessions/{id}/reflections                                  2xx   403   2xx   403   403   404   404   401   401  # reviewers only; not the room screen
GET /api/sessions/{id}/reflections/mine                             404   404   404   2xx   404   404   404   401   401
PUT /api/sessions/{id}/reflections/mine                             404   404   404   2xx   404   404   404   401   401
POST /api/sessions/{id}/reflections/mine/submit                     404   404   404   2xx   404   404   404   401   401
POST /api/sessions/{id}/reflections/mine/attachment                 404   404   404   2xx   404   404   404   401   401
DELETE /api/sessions/{id}/reflections/mine/attachment               404   404   404   2xx   404   404   404   401   401
GET /api/sessions/{id}/reflections/export.csv                       2xx   403   2xx   403   403   404   404   401   401
GET /api/sessions/{id}/reflections/export.xlsx                      2xx   403   2xx   403   403   404   404   401   401
GET /api/reflections/{id}                                           2xx   404   2xx   404   404   404   404   401   401
POST /api/reflections/{id}/review                                   2xx   404   2xx   404   404   404   404   401   401
GET /api/reflections/{id}/attachment                                2xx   404   2xx   2xx   404   404   404   401   401
GET /api/sessions/{id}/programmes                                   2xx   403   2xx   403   403   404   404   401   401
GET /api/sessions/{id}/programmes/export.xlsx                       2xx   403   2xx   403   403   404   404   401   401
GET /api/sessions/{id}/programmes/{unitId}                          2xx   404   2xx   2xx   404   404   404   401   401
POST /api/sessions/{id}/programmes/{unitId}/actions                 2xx   404   2xx   403   404   404   404   401   401
PATCH /api/programme-actions/{id}                                   2xx   404   2xx   403   404   404   404   401   401
DELETE /api/programme-actions/{id}                                  2xx   404   2xx   403   404   404   404   401   401
POST /api/programmes/{id}/open                                      2xx   404   2xx   403   404   404   404   401   401
POST /api/programmes/{id}/adopt                                     2xx   404   2xx   403   404   404   404   401   401
POST /api/programmes/{id}/comments                                  2xx   404   2xx   2xx   404   404   404   401   401
GET /api/feedback/templates                                         2xx   403   403   403   403   403   2xx   401   401
POST /api/feedback/templates                                        2xx   403   403   403   403   403   2xx   401   401
PATCH /api/feedback/templates/{id}                                  2xx   403   404   404   404   404   404   401   401
GET /api/feedback/presenters/{id}                                   2xx   403   403   403   403   403   2xx   401   401
GET /api/sessions/{id}/feedback                                     2xx   2xx   2xx   2xx   2xx   404   404   401   401
PUT /api/sessions/{id}/feedback                                     2xx   403   403   403   403   404   404   401   401
POST /api/sessions/{id}/feedback/answers                            403   403   403   2xx   403   403   403   401   401  # members only, anonymously
GET /api/sessions/{id}/feedback/results                             2xx   2xx   403   403   403   404   404   401   401
GET /api/units/{id}/evaluation                                      2xx   403   2xx   403   403   404   404   401   401
GET /api/units/{id}/evaluation.xlsx                                 2xx   403   2xx   403   403   404   404   401   401
GET /api/units/{id}/evaluation.html                                 2xx   403   2xx   403   403   404   404   401   401
GET /api/network                                                    2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx
GET /api/network/ca.crt                                             404   404   404   404   404   404   404   404   404  # no local CA when TLS is off (the tests)
GET /api/sessions/{id}/invitations                                  2xx   403   2xx   403   403   404   404   401   401
POST /api/sessions/{id}/invitations/send                            2xx   403   403   403   403   404   404   401   401
POST /api/sessions/{id}/invitations/resend                          2xx   403   2xx   403   403   404   404   401   401
POST /api/auth/personal                                             2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx   2xx  # public: the personal link decides
GET /api/members/{id}/personal-link                                 2xx   403   2xx   403   403   404   404   401   401
POST /api/members/{id}/personal-link/rotate                         2xx   403   2xx   403   403   404   404   401   401
GET /api/units/{id}/personal-links                                  2xx   403   2xx   403   403   404   404   401   401
GET /api/units/{id}/personal-links.html                             2xx   403   2xx   403   403   404   404   401   401
PUT /api/me/preferences                                             2xx   2xx   2xx   2xx   403   2xx   2xx   401   401  # people only
`;

export const SOCKET = `
event              org         pres        sec         mem         site        xsec        xorg        deact       anon
room:join          ok          ok          ok          ok          ok          NOT_FOUND   NOT_FOUND   refused     refused  # another branch: the session is not theirs (404)
slide:go           ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
slide:handover     ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
poll:save          ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
poll:delete        ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
poll:open          ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
poll:close         ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
poll:results       ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
poll:answer        FORBIDDEN   FORBIDDEN   FORBIDDEN   ok          FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
poll:site-count    FORBIDDEN   FORBIDDEN   FORBIDDEN   FORBIDDEN   ok          NOT_IN_ROOM NOT_IN_ROOM refused     refused
hand:raise         FORBIDDEN   FORBIDDEN   FORBIDDEN   ok          ok          NOT_IN_ROOM NOT_IN_ROOM refused     refused  # a secretary in the room takes part as audience without a hand (see the report)
hand:lower         ok          ok          ok          ok          ok          NOT_IN_ROOM NOT_IN_ROOM refused     refused
floor:grant        ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
floor:revoke       ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
question:ask       FORBIDDEN   FORBIDDEN   FORBIDDEN   ok          ok          NOT_IN_ROOM NOT_IN_ROOM refused     refused
question:vote      FORBIDDEN   FORBIDDEN   FORBIDDEN   ok          ok          NOT_IN_ROOM NOT_IN_ROOM refused     refused
question:moderate  ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
chat:send          ok          ok          ok          ok          ok          NOT_IN_ROOM NOT_IN_ROOM refused     refused
chat:remove        ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
settings:update    ok          ok          FORBIDDEN   FORBIDDEN   FORBIDDEN   NOT_IN_ROOM NOT_IN_ROOM refused     refused
slide:pointer      ok          ok          ignored     ignored     ignored     ignored     ignored     refused     refused  # no acknowledgement: others see it (ok) or not (ignored)
`;
