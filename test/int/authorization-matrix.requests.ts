import { randomUUID } from 'node:crypto';
import {
  memberFactory,
  readyDeckFactory,
  TEST_PASSWORD,
  unitFactory,
  userFactory,
} from '../support/factories';
import type { TestApp } from '../support/test-app';
import type { Role } from './authorization-matrix.table';
import type { World } from './authorization-matrix.world';

export { matrixWorld, type World } from './authorization-matrix.world';

const hour = 3600_000;

export interface CellRequest {
  /** Path parameters ({id}, {page}, …) and the query string, if any. */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** A file sent as multipart form field "file". */
  file?: { name: string; data: Buffer | string };
  /** Called with this token instead of the role's (a call that would end the role's own sign-ins). */
  token?: string;
}

type Recipe = (w: World, role: Role) => CellRequest | Promise<CellRequest>;

const future = (hours: number) => new Date(Date.now() + hours * hour).toISOString();
const unique = () => randomUUID().slice(0, 8);

/**
 * How each endpoint is called in a cell: valid input, so that a caller who is allowed gets a
 * 2xx; things a call uses up (a unit to delete, a session to start) are made fresh per cell.
 */
export function recipes(app: TestApp): Record<string, Recipe> {
  const prisma = app.prisma;
  const branch = async (w: World) =>
    (
      await unitFactory(prisma, {
        name: `Chi bộ ${unique()}`,
        code: `T${unique()}`,
        kind: 'branch',
        parent: w.units.D1,
      })
    ).id;
  const memberOf = async (w: World) =>
    (await memberFactory(prisma, { fullName: `Đinh Văn ${unique()}`, unitId: w.units.B1.id })).id;
  const site = async (w: World) =>
    (await prisma.site.create({ data: { unitId: w.units.B1.id, name: `Phòng ${unique()}` } })).id;
  const deck = async (w: World) => (await readyDeckFactory(prisma, w.live, 1)).id;
  const excuse = async (w: World) => {
    const memberId = await memberOf(w);
    await w.organiser.post(`/sessions/${w.live}/attendance/excuses`, { memberId, reason: 'illness' });
    return memberId;
  };
  const checkIn = async (w: World) => {
    const memberId = await memberOf(w);
    const res = await w.organiser.post(`/sessions/${w.live}/attendance/check-ins`, {
      memberId,
      siteId: w.siteId,
    });
    return res.body.id as string;
  };
  const action = async (w: World) =>
    (
      await w.secretary.post(`/sessions/${w.ended}/programmes/${w.units.B1.id}/actions`, {
        title: `Việc ${unique()}`,
        owner: 'Chi ủy',
      })
    ).body.actions.at(-1).id as string;
  const draftProgramme = async (w: World) => {
    const s = await w.newSession(`Phiên ${unique()}`, 'ended');
    return (
      await w.secretary.post(`/sessions/${s}/programmes/${w.units.B1.id}/actions`, {
        title: 'Việc',
        owner: 'Chi ủy',
      })
    ).body.id as string;
  };
  const openProgramme = async (w: World) => {
    const id = await draftProgramme(w);
    await w.secretary.post(`/programmes/${id}/open`, { commentsCloseAt: future(24) });
    return id;
  };
  const material = async (w: World) =>
    (await w.organiser.upload(`/sessions/${w.live}/materials`, 'ghi-chu.txt', 'Tài liệu')).body.id as string;
  const s = (w: World) => ({ params: { id: w.live } });
  const reviewCell = (w: World): CellRequest => ({
    params: { id: w.reflectionId },
    body: { decision: 'revise', comment: 'Viết thêm' },
  });
  const e = (w: World) => ({ params: { id: w.ended } });

  return {
    'GET /api/health': () => ({}),
    'GET /api/health/live': () => ({}),
    'GET /api/health/ready': () => ({}),
    'GET /api/setup': () => ({}),
    'POST /api/setup': () => ({
      body: {
        organisationName: 'Tỉnh ủy Khác',
        organisationCode: 'TK',
        username: `quan-tri-${unique()}`,
        password: TEST_PASSWORD,
        displayName: 'Quản trị',
      },
    }),
    'POST /api/auth/login': () => ({ body: { username: 'baocao', password: TEST_PASSWORD } }),
    'POST /api/auth/join': async (w) => {
      const links = (await w.organiser.get(`/sessions/${w.live}/join-links`)).body as { url: string }[];
      return { body: { token: links[0]!.url.split('/j/')[1] } };
    },
    'POST /api/auth/pair': async (w) => {
      const id = await site(w);
      const code = (await w.organiser.post(`/sites/${id}/pairing-code`)).body.pairingCode;
      return { body: { code } };
    },
    'GET /api/auth/me': () => ({}),
    'POST /api/auth/sign-out-everywhere': async (w, role) => {
      // It retires every token of the account: staff cells use a twin account (same role and unit).
      const staff = ['organiser', 'presenter', 'secretary', 'otherSecretary', 'otherOrganiser'];
      if (!staff.includes(role)) return {};
      const me = (await w.api.as(w.tokens[role]).get('/auth/me')).body;
      const twin = await userFactory(prisma, {
        username: `sinh-doi-${unique()}`,
        role: me.role,
        unitId: me.unitId,
      });
      return { token: (await w.api.login(twin.username, TEST_PASSWORD)).token! };
    },
    'GET /api/units': () => ({}),
    'POST /api/units': (w) => ({
      body: { parentId: w.units.D1.id, name: `Chi bộ ${unique()}`, code: `N${unique()}`, kind: 'branch' },
    }),
    'PATCH /api/units/{id}': async (w) => ({
      params: { id: await branch(w) },
      body: { name: 'Chi bộ đổi tên' },
    }),
    'DELETE /api/units/{id}': async (w) => ({ params: { id: await branch(w) } }),
    'GET /api/members': (w) => ({ query: `unitId=${w.units.B1.id}` }),
    'POST /api/members': (w) => ({ body: { unitId: w.units.B1.id, fullName: `Lý Văn ${unique()}` } }),
    'POST /api/members/import': (w) => ({
      query: `unitId=${w.units.B1.id}&dryRun=true`,
      file: { name: 'ds.csv', data: 'Họ và tên,Chi bộ\nMai Văn Nhập,CB1\n' },
    }),
    'GET /api/members/{id}': (w) => ({ params: { id: w.members.an.id } }),
    'PATCH /api/members/{id}': async (w) => ({
      params: { id: await memberOf(w) },
      body: { position: 'Đảng viên' },
    }),
    'DELETE /api/members/{id}': async (w) => ({ params: { id: await memberOf(w) } }),
    'GET /api/users': () => ({}),
    'POST /api/users': (w) => ({
      body: {
        username: `tk-${unique()}`,
        password: TEST_PASSWORD,
        displayName: 'Tài khoản mới',
        role: 'secretary',
        unitId: w.units.B2.id,
      },
    }),
    'GET /api/users/presenters': () => ({}),
    'PATCH /api/users/{id}': async (w) => {
      const u = await userFactory(prisma, {
        username: `sua-${unique()}`,
        role: 'secretary',
        unitId: w.units.B1.id,
      });
      return { params: { id: u.id }, body: { displayName: 'Tên mới' } };
    },
    'GET /api/sites': () => ({}),
    'POST /api/sites': (w) => ({ body: { unitId: w.units.B1.id, name: `Phòng ${unique()}` } }),
    'PATCH /api/sites/{id}': async (w) => ({
      params: { id: await site(w) },
      body: { name: 'Phòng đổi tên' },
    }),
    'DELETE /api/sites/{id}': async (w) => ({ params: { id: await site(w) } }),
    'POST /api/sites/{id}/pairing-code': async (w) => ({ params: { id: await site(w) } }),
    'GET /api/sessions': () => ({}),
    'POST /api/sessions': (w) => ({
      body: {
        title: 'Phiên mới',
        startsAt: future(24),
        endsAt: future(26),
        hostUnitId: w.units.P.id,
        invitedUnitIds: [w.units.D1.id],
      },
    }),
    'GET /api/sessions/{id}': s,
    'PATCH /api/sessions/{id}': async (w) => ({
      params: { id: await w.newSession(`Phiên ${unique()}`) },
      body: { title: 'Phiên đổi tên' },
    }),
    'GET /api/sessions/{id}/actions': s,
    'POST /api/sessions/{id}/transitions': async (w) => ({
      params: { id: await w.newSession(`Phiên ${unique()}`) },
      body: { action: 'start' },
    }),
    'GET /api/sessions/{id}/join-links': s,
    'GET /api/sessions/{id}/join-links.csv': s,
    'POST /api/sessions/{id}/materials': (w) => ({
      params: { id: w.live },
      file: { name: 'tai-lieu.txt', data: 'Nghị quyết' },
    }),
    'GET /api/materials/{id}/download': (w) => ({ params: { id: w.materialId } }),
    'DELETE /api/materials/{id}': async (w) => ({ params: { id: await material(w) } }),
    'GET /api/audit': () => ({}),
    'POST /api/sessions/{id}/decks': (w) => ({
      params: { id: w.live },
      file: { name: 'bai.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
    }),
    'GET /api/sessions/{id}/decks': s,
    'PUT /api/sessions/{id}/decks/order': async (w) => ({
      params: { id: w.live },
      body: {
        deckIds: (
          await prisma.deck.findMany({ where: { sessionId: w.live }, orderBy: { position: 'asc' } })
        ).map((d) => d.id),
      },
    }),
    'GET /api/decks/{id}': (w) => ({ params: { id: w.deckId } }),
    'PATCH /api/decks/{id}': async (w) => ({
      params: { id: await deck(w) },
      body: { title: 'Bài giảng mới' },
    }),
    'DELETE /api/decks/{id}': async (w) => ({ params: { id: await deck(w) } }),
    'GET /api/decks/{id}/notes': (w) => ({ params: { id: w.deckId } }),
    'GET /api/decks/{id}/pages/{page}.webp': (w) => ({ params: { id: w.deckId, page: '1' } }),
    'GET /api/decks/{id}/thumbs/{page}.webp': (w) => ({ params: { id: w.deckId, page: '1' } }),
    'GET /api/sessions/{id}/polls.csv': s,
    'GET /api/sessions/{id}/poll-answers.csv': s,
    'GET /api/sessions/{id}/quiz-scores.csv': s,
    'GET /api/sessions/{id}/attendance': s,
    'GET /api/sessions/{id}/attendance.csv': s,
    'GET /api/sessions/{id}/attendance.xlsx': s,
    'GET /api/sessions/{id}/attendance.html': s,
    'GET /api/sessions/{id}/attendance/intervals': s,
    'POST /api/sessions/{id}/attendance/excuses': async (w) => ({
      params: { id: w.live },
      body: { memberId: await memberOf(w), reason: 'illness' },
    }),
    'DELETE /api/sessions/{id}/attendance/excuses/{memberId}': async (w) => ({
      params: { id: w.live, memberId: await excuse(w) },
    }),
    'POST /api/sessions/{id}/attendance/check-ins': async (w) => ({
      params: { id: w.live },
      body: { memberId: await memberOf(w), siteId: w.siteId },
    }),
    'POST /api/sessions/{id}/attendance/check-ins/{checkInId}/check-out': async (w) => ({
      params: { id: w.live, checkInId: await checkIn(w) },
      body: {},
    }),
    'DELETE /api/sessions/{id}/attendance/check-ins/{checkInId}': async (w) => ({
      params: { id: w.live, checkInId: await checkIn(w) },
    }),
    'PUT /api/sessions/{id}/attendance/guests/{siteId}': (w) => ({
      params: { id: w.live, siteId: w.siteId },
      body: { count: 3 },
    }),
    'GET /api/sessions/{id}/check-in-code': (w) => ({ params: { id: w.live }, query: `siteId=${w.siteId}` }),
    'POST /api/check-ins': async (w) => {
      // The room's QR code, as a phone scans it (six digits may match several rooms of the session).
      const code = (await w.site.get(`/sessions/${w.live}/check-in-code?siteId=${w.siteId}`)).body;
      return { body: { code: String(code.url).split('/checkin/')[1] } };
    },
    'POST /api/check-ins/leave': (w) => ({ body: { sessionId: w.live } }),
    'GET /api/members/me/attendance': () => ({}),
    'GET /api/members/{id}/attendance': (w) => ({ params: { id: w.members.an.id } }),
    'GET /api/units/{id}/attendance': (w) => ({ params: { id: w.units.B1.id } }),
    'GET /api/units/{id}/attendance.csv': (w) => ({ params: { id: w.units.B1.id } }),
    'GET /api/units/{id}/attendance.xlsx': (w) => ({ params: { id: w.units.B1.id } }),
    'GET /api/units/{id}/attendance.html': (w) => ({ params: { id: w.units.B1.id } }),
    'POST /api/sessions/{id}/media/token': s,
    'GET /api/sessions/{id}/media/participants': s,
    'POST /api/sessions/{id}/media/mute': (w) => ({
      params: { id: w.live },
      body: { identity: `m:${w.members.an.id}` },
    }),
    'POST /api/sessions/{id}/media/mute-all': (w) => ({ params: { id: w.live }, body: {} }),
    'POST /api/sessions/{id}/media/remove': (w) => ({
      params: { id: w.live },
      body: { identity: `m:${w.members.an.id}` },
    }),
    'POST /api/media/webhook': () => ({ body: { event: 'room_started' } }),
    'GET /api/sessions/{id}/reflections/settings': e,
    'PUT /api/sessions/{id}/reflections/settings': (w) => ({
      params: { id: w.ended },
      body: w.reflectionSettings,
    }),
    'GET /api/sessions/{id}/reflections': e,
    'GET /api/sessions/{id}/reflections/mine': e,
    'PUT /api/sessions/{id}/reflections/mine': async (w, role) => {
      // The member writes afresh (Bình has not started): the base version is 0 for them.
      const base =
        role === 'member'
          ? ((await w.member.get(`/sessions/${w.ended}/reflections/mine`)).body.reflection?.version ?? 0)
          : 0;
      return { params: { id: w.ended }, body: { body: '<p>Suy nghĩ của tôi</p>', baseVersion: base } };
    },
    'POST /api/sessions/{id}/reflections/mine/submit': async (w, role) => {
      const version =
        role === 'member'
          ? ((await w.member.get(`/sessions/${w.ended}/reflections/mine`)).body.reflection?.version ?? 1)
          : 1;
      return { params: { id: w.ended }, body: { version } };
    },
    'POST /api/sessions/{id}/reflections/mine/attachment': (w) => ({
      params: { id: w.ended },
      file: { name: 'anh.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
    }),
    'DELETE /api/sessions/{id}/reflections/mine/attachment': e,
    'GET /api/sessions/{id}/reflections/export.csv': e,
    'GET /api/sessions/{id}/reflections/export.xlsx': e,
    'GET /api/reflections/{id}': (w) => ({ params: { id: w.reflectionId } }),
    'POST /api/reflections/{id}/review': async (w) => {
      // Handed in again after an earlier cell sent it back for revision (a no-op while it is handed in).
      const mine = (await w.member.get(`/sessions/${w.ended}/reflections/mine`)).body.reflection;
      const saved = await w.member.put(`/sessions/${w.ended}/reflections/mine`, {
        body: '<p>Bài thu hoạch đã sửa</p>',
        baseVersion: mine.version,
      });
      if (saved.status === 200)
        await w.member.post(`/sessions/${w.ended}/reflections/mine/submit`, { version: saved.body.version });
      return reviewCell(w);
    },
    'GET /api/reflections/{id}/attachment': async (w) => {
      await w.member.upload(
        `/sessions/${w.ended}/reflections/mine/attachment`,
        'anh.pdf',
        Buffer.from('%PDF-1.4\n%%EOF\n'),
      );
      return { params: { id: w.reflectionId } };
    },
    'GET /api/sessions/{id}/programmes': e,
    'GET /api/sessions/{id}/programmes/export.xlsx': e,
    'GET /api/sessions/{id}/programmes/{unitId}': (w) => ({ params: { id: w.ended, unitId: w.units.B1.id } }),
    'POST /api/sessions/{id}/programmes/{unitId}/actions': (w) => ({
      params: { id: w.ended, unitId: w.units.B1.id },
      body: { title: 'Việc mới', owner: 'Chi ủy' },
    }),
    'PATCH /api/programme-actions/{id}': async (w) => ({
      params: { id: await action(w) },
      body: { status: 'in_progress' },
    }),
    'DELETE /api/programme-actions/{id}': async (w) => ({ params: { id: await action(w) } }),
    'POST /api/programmes/{id}/open': async (w) => ({
      params: { id: await draftProgramme(w) },
      body: { commentsCloseAt: future(24) },
    }),
    'POST /api/programmes/{id}/adopt': async (w) => ({ params: { id: await draftProgramme(w) } }),
    'POST /api/programmes/{id}/comments': async (w) => ({
      params: { id: await openProgramme(w) },
      body: { body: 'Đồng ý' },
    }),
    'GET /api/feedback/templates': () => ({}),
    'POST /api/feedback/templates': () => ({
      body: { name: `Phiếu ${unique()}`, questions: [{ id: 'q1', kind: 'rating', text: 'Hữu ích?' }] },
    }),
    'PATCH /api/feedback/templates/{id}': (w) => ({
      params: { id: w.templateId },
      body: { name: 'Phiếu đánh giá' },
    }),
    'GET /api/feedback/presenters/{id}': (w) => ({ params: { id: w.org.users.presenter.id } }),
    'GET /api/sessions/{id}/feedback': e,
    'PUT /api/sessions/{id}/feedback': (w) => ({
      params: { id: w.ended },
      body: { templateId: w.templateId, closesAt: future(48) },
    }),
    'POST /api/sessions/{id}/feedback/answers': (w) => ({
      params: { id: w.ended },
      body: { answers: { q1: 5 } },
    }),
    'GET /api/sessions/{id}/feedback/results': e,
    'GET /api/units/{id}/evaluation': (w) => ({ params: { id: w.units.B1.id } }),
    'GET /api/units/{id}/evaluation.xlsx': (w) => ({ params: { id: w.units.B1.id } }),
    'GET /api/units/{id}/evaluation.html': (w) => ({ params: { id: w.units.B1.id } }),
    'GET /api/network': () => ({}),
    'GET /api/network/ca.crt': () => ({}),
    'GET /api/sessions/{id}/invitations': s,
    'POST /api/sessions/{id}/invitations/send': s,
    'POST /api/sessions/{id}/invitations/resend': (w) => ({
      params: { id: w.live },
      body: { memberIds: [w.members.an.id] },
    }),
    'POST /api/auth/personal': async (w) => {
      const link = (await w.organiser.get(`/members/${w.members.binh.id}/personal-link`)).body;
      return {
        body: {
          code: String(link.url ?? link.code ?? '')
            .split('/p/')
            .pop(),
        },
      };
    },
    'GET /api/members/{id}/personal-link': (w) => ({ params: { id: w.members.binh.id } }),
    'POST /api/members/{id}/personal-link/rotate': async (w) => ({ params: { id: await memberOf(w) } }),
    'GET /api/units/{id}/personal-links': (w) => ({ params: { id: w.units.B1.id } }),
    'GET /api/units/{id}/personal-links.html': (w) => ({ params: { id: w.units.B1.id } }),
    'PUT /api/me/preferences': () => ({ body: { locale: 'vi' } }),
  };
}
