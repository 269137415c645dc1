import type { InvitationStatus, MemberReach } from '@hallbridge/contracts';
import { NotificationDispatcher } from '../../apps/api/src/notifications/notification-dispatcher.service';
import { NotificationPlanner } from '../../apps/api/src/notifications/notification-planner.service';
import { ApiClient } from '../support/api-client';
import { memberFactory, organisationFactory, TEST_PASSWORD } from '../support/factories';
import { startGatewayReceiver, type GatewayReceiver } from '../support/gateway-receiver';
import { startMailpit, type Mailpit } from '../support/mailpit';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const hour = 3600_000;
const PUBLIC_URL = 'https://hoinghi.example.vn';
const linkIn = (text: string) =>
  /https:\/\/hoinghi\.example\.vn\/j\/[^\s?]+(\?lang=en)?/.exec(text)?.[0] ?? '';
const tokenOf = (link: string) => link.split('/j/')[1]!.split('?')[0]!;

describe.each(databases)('invitations and reminders on %s', (kind) => {
  let mailpit: Mailpit;
  let gateway: GatewayReceiver;
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let api: ApiClient;
  let organiser: ApiClient;
  let districtOrganiser: ApiClient;
  let secretary: ApiClient;
  let presenter: ApiClient;
  let sessionId: string;
  let planner: NotificationPlanner;
  let dispatcher: NotificationDispatcher;

  const status = async (client: ApiClient, id = sessionId, query = '') => {
    const res = await client.get<InvitationStatus>(`/sessions/${id}/invitations${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const reachOf = (s: InvitationStatus, memberId: string) =>
    s.members.find((m) => m.memberId === memberId) as MemberReach;
  const newSession = async (title: string, startsInMs: number, lengthMs = 2 * hour) => {
    const res = await organiser.post('/sessions', {
      title,
      startsAt: new Date(Date.now() + startsInMs).toISOString(),
      endsAt: new Date(Date.now() + startsInMs + lengthMs).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.D1.id, org.units.B3.id],
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    [mailpit, gateway] = await Promise.all([
      startMailpit({ allowedRecipients: '@example\\.vn$' }),
      startGatewayReceiver('chia-khoa-cong-tin-nhan'),
    ]);
    app = await startTestApp(kind, {
      PUBLIC_URL,
      SMTP_URL: mailpit.smtpUrl,
      MAIL_FROM: 'HallBridge <hoinghi@example.vn>',
      MESSAGE_GATEWAY_URL: gateway.url,
      MESSAGE_GATEWAY_SECRET: gateway.secret,
      NOTIFY_POLL_MS: '200',
      NOTIFY_RETRY_BASE_MS: '300',
      NOTIFY_PLAN_MS: '3600000',
    });
    org = await organisationFactory(app.prisma);
    // An: e-mail and phone; Bình: e-mail, reads English; Cường: nothing (paper); Dũng: phone only.
    await app.prisma.member.update({ where: { id: org.members.an.id }, data: { email: 'an@example.vn' } });
    await app.prisma.member.update({
      where: { id: org.members.binh.id },
      data: { email: 'binh@example.vn', locale: 'en' },
    });
    await app.prisma.member.update({ where: { id: org.members.dung.id }, data: { phone: '0912000004' } });
    planner = app.running.app.get(NotificationPlanner);
    dispatcher = app.running.app.get(NotificationDispatcher);
    api = new ApiClient(app.url);
    const login = (username: string) => api.login(username, TEST_PASSWORD);
    [organiser, districtOrganiser, secretary, presenter] = await Promise.all([
      login('tochuc'),
      login('huyen'),
      login('bithu1'),
      login('baocao'),
    ]);
    sessionId = await newSession('Học tập Nghị quyết Trung ương 12', 3 * 24 * hour);
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([mailpit?.stop(), gateway?.close()]);
  });

  it('sends each invited member the invitation by e-mail and SMS, in their language, with a link that joins', async () => {
    const before = await status(organiser);
    expect(before).toMatchObject({ sentAt: null, canSend: true, channels: ['email', 'gateway'] });
    expect(reachOf(before, org.members.an.id).reach).toBe('not_sent');

    const sent = await organiser.post<InvitationStatus>(`/sessions/${sessionId}/invitations/send`);
    expect(sent.status).toBe(200);
    expect(sent.body.sentBy).toBe('Nguyễn Văn Tổ');

    const [toAn] = await mailpit.waitFor('an@example.vn');
    expect(toAn!.Subject).toBe('Giấy mời: Học tập Nghị quyết Trung ương 12');
    expect(toAn!.From.Address).toBe('hoinghi@example.vn');
    expect(toAn!.Text).toContain('Kính gửi đồng chí Nguyễn Văn An');
    const link = linkIn(toAn!.Text);
    expect(toAn!.HTML).toContain(link);
    const joined = await api.post('/auth/join', { token: tokenOf(link) });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ sessionId, principal: { memberId: org.members.an.id } });

    const [toBinh] = await mailpit.waitFor('binh@example.vn');
    expect(toBinh!.Subject).toBe('Invitation: Học tập Nghị quyết Trung ương 12');
    expect(linkIn(toBinh!.Text)).toMatch(/\?lang=en$/);

    await until(
      async () => gateway.accepted.map((m) => m.to).sort(),
      (to) => to.length === 2,
    );
    const sms = gateway.accepted.find((m) => m.to === '+84912000001')!;
    expect(sms).toMatchObject({
      channel: 'sms',
      kind: 'invitation',
      locale: 'vi',
      sessionId,
      memberId: org.members.an.id,
    });
    expect(sms.text).toContain('Kính mời đồng chí Nguyễn Văn An');
    expect(sms.textAscii).toContain('Kinh moi dong chi Nguyen Van An');
    expect(sms.text).toContain(sms.link);
    expect(gateway.accepted.map((m) => m.to)).toContain('+84912000004');

    const after = await until(
      () => status(organiser),
      (s) => s.total.pending === 0,
    );
    expect(after.total).toMatchObject({ invited: 4, reached: 3, needsPaper: 1, failed: 0 });
    expect(reachOf(after, org.members.cuong.id)).toMatchObject({
      reach: 'needs_paper',
      paperReason: 'no_address',
    });
    const an = reachOf(after, org.members.an.id);
    expect(an.reach).toBe('reached');
    const email = an.deliveries.find((d) => d.kind === 'invitation' && d.channel === 'email')!;
    expect(email).toMatchObject({ status: 'sent', attempts: 1, address: 'an@example.vn' });
    expect(email.history).toHaveLength(1);
    // Three days ahead: all three reminders wait on both of An's channels.
    expect(
      an.deliveries
        .filter((d) => d.status === 'queued')
        .map((d) => `${d.kind}/${d.channel}`)
        .sort(),
    ).toEqual([
      'reminder_day/email',
      'reminder_day/gateway',
      'reminder_hour/email',
      'reminder_hour/gateway',
      'reminder_start/email',
      'reminder_start/gateway',
    ]);
    // Sending twice sends nothing twice.
    await organiser.post(`/sessions/${sessionId}/invitations/send`);
    await dispatcher.idle();
    expect((await mailpit.waitFor('an@example.vn')).length).toBe(1);
  });

  it('retries after a gateway 5xx, gives up on a mailbox refused for good, and resends on request', async () => {
    const refused = await memberFactory(app.prisma, { fullName: 'Vũ Thị Hà', unitId: org.units.B1.id });
    await app.prisma.member.update({
      where: { id: refused.id },
      data: { email: 'ha@khong-ton-tai.invalid' },
    });
    gateway.failNext(1, 503);
    const second = await newSession(
      'Chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      5 * 24 * hour,
    );
    await organiser.post(`/sessions/${second}/invitations/send`);

    const settled = (s: InvitationStatus) =>
      s.members.every((m) =>
        m.deliveries.every(
          (d) => d.kind !== 'invitation' || (d.status !== 'queued' && d.status !== 'sending'),
        ),
      );
    const done = await until(() => status(organiser, second), settled);
    // Whichever SMS met the provider's 503 went through on the retry.
    const sms = [org.members.an.id, org.members.dung.id]
      .map((id) =>
        reachOf(done, id).deliveries.find((d) => d.kind === 'invitation' && d.channel === 'gateway')!,
      )
      .sort((a, b) => b.attempts - a.attempts);
    expect(sms.map((d) => [d.status, d.attempts])).toEqual([
      ['sent', 2],
      ['sent', 1],
    ]);
    expect(sms[0]!.history.map((h) => [h.ok, h.errorCode])).toEqual([
      [false, 'gateway_error'],
      [true, null],
    ]);
    expect(gateway.requests.filter((r) => r.messageId === sms[0]!.id).map((r) => r.status)).toEqual([
      503, 200,
    ]);
    const ha = reachOf(done, refused.id);
    expect(ha.reach).toBe('failed');
    expect(ha.deliveries.find((d) => d.kind === 'invitation')).toMatchObject({
      status: 'failed',
      attempts: 1,
      errorCode: 'smtp_rejected',
    });
    expect(done.branches.find((b) => b.unitId === org.units.B1.id)).toMatchObject({ invited: 3, failed: 1 });

    // Her address is corrected; the secretary resends to everyone of the branch not reached.
    await app.prisma.member.update({ where: { id: refused.id }, data: { email: 'ha@example.vn' } });
    const resent = await secretary.post(`/sessions/${second}/invitations/resend`, {});
    expect(resent.body).toEqual({ requeued: 1 });
    const [toHa] = await mailpit.waitFor('ha@example.vn');
    expect(toHa!.Subject).toContain('Giấy mời');
    const fixed = await until(
      () => status(secretary, second),
      (s) => reachOf(s, refused.id)?.reach === 'reached',
    );
    expect(reachOf(fixed, refused.id).deliveries.find((d) => d.kind === 'invitation')!.resends).toBe(1);
  });

  it('shows a secretary only their branch, and lets them resend only there', async () => {
    const mine = await status(secretary);
    expect(new Set(mine.members.map((m) => m.unitId))).toEqual(new Set([org.units.B1.id]));
    expect(mine.canSend).toBe(false);
    const district = await status(districtOrganiser);
    expect(new Set(district.members.map((m) => m.unitId))).toEqual(
      new Set([org.units.B1.id, org.units.B2.id]),
    );

    const outside = await secretary.post(`/sessions/${sessionId}/invitations/resend`, {
      memberIds: [org.members.cuong.id],
    });
    expect(outside.status).toBe(404);
    const inside = await secretary.post(`/sessions/${sessionId}/invitations/resend`, {
      memberIds: [org.members.an.id],
    });
    expect(inside.status).toBe(200);
    expect(inside.body.requeued).toBe(2);
    expect((await secretary.post(`/sessions/${sessionId}/invitations/send`)).status).toBe(403);
    expect((await districtOrganiser.post(`/sessions/${sessionId}/invitations/send`)).status).toBe(403);
    expect((await presenter.get(`/sessions/${sessionId}/invitations`)).status).toBe(404);
    const [invitation] = await mailpit.waitFor('an@example.vn');
    const member = api.as(
      (await api.post('/auth/join', { token: tokenOf(linkIn(invitation!.Text)) })).body.token,
    );
    expect((await member.get(`/sessions/${sessionId}/invitations`)).status).toBe(403);
    expect((await member.post(`/sessions/${sessionId}/invitations/resend`, {})).status).toBe(403);
    const bad = await secretary.post(`/sessions/${sessionId}/invitations/resend`, { memberIds: 'an' });
    expect(bad.status).toBe(400);
    await mailpit.waitFor('an@example.vn', 2);
  });

  it('re-times the reminders of a moved session and tells those invited; a cancellation drops what waits', async () => {
    const moved = await organiser.patch(`/sessions/${sessionId}`, {
      startsAt: new Date(Date.now() + 10 * 24 * hour).toISOString(),
      endsAt: new Date(Date.now() + 10 * 24 * hour + 2 * hour).toISOString(),
    });
    expect(moved.status).toBe(200);
    await planner.planSession(sessionId);
    const notices = await until(
      async () => (await mailpit.messages()).filter((m) => m.Subject.startsWith('Thay đổi thời gian')),
      (list) => list.length >= 1,
    );
    const notice = await mailpit.message(notices[0]!.ID);
    expect(notice.Text).toContain('lịch cũ');
    const row = await app.prisma.notification.findFirstOrThrow({
      where: { sessionId, memberId: org.members.an.id, kind: 'reminder_day', channel: 'email' },
    });
    expect(row.dueAt.toISOString()).toBe(new Date(Date.parse(moved.body.startsAt) - 24 * hour).toISOString());

    expect(
      (await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'cancel', reason: 'Trùng lịch' }))
        .status,
    ).toBe(200);
    await until(
      async () =>
        (await mailpit.messages()).filter((m) => /^(Hủy hội nghị|Cancelled):/.test(m.Subject)).length,
      (n) => n >= 2,
    );
    const waiting = await app.prisma.notification.count({
      where: { sessionId, status: 'queued', kind: { notIn: ['cancelled'] } },
    });
    expect(waiting).toBe(0);
    // Cường was never told (no address), so he is not told of the cancellation either.
    expect(
      await app.prisma.notification.count({ where: { sessionId, memberId: org.members.cuong.id } }),
    ).toBe(0);
  });

  it('gives a member a long-lived personal link that the secretary rotates, and prints it on the branch sheet', async () => {
    const got = await secretary.get(`/members/${org.members.an.id}/personal-link`);
    expect(got.status).toBe(200);
    expect(got.body.url).toMatch(/^https:\/\/hoinghi\.example\.vn\/p\/[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    expect((await secretary.get(`/members/${org.members.an.id}/personal-link`)).body.code).toBe(
      got.body.code,
    );
    // Typed from paper: upper case, spaces instead of dashes.
    const opened = await api.post('/auth/personal', {
      code: got.body.code.toUpperCase().replace(/(.{4})/g, '$1 '),
    });
    expect(opened.status).toBe(200);
    expect(opened.body.principal).toMatchObject({ role: 'member', memberId: org.members.an.id });
    const phone = api.as(opened.body.token);
    expect((await phone.get('/sessions')).status).toBe(200);

    const rotated = await secretary.post(`/members/${org.members.an.id}/personal-link/rotate`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.code).not.toBe(got.body.code);
    expect(rotated.body.generation).toBe(got.body.generation + 1);
    // The old link and the sign-in made with it stop at once; the new one works; join links still do.
    expect((await api.post('/auth/personal', { code: got.body.code })).body.code).toBe('TOKEN_INVALID');
    expect((await phone.get('/auth/me')).status).toBe(401);
    expect((await api.post('/auth/personal', { code: rotated.body.code })).status).toBe(200);
    const invitation = (await mailpit.waitFor('an@example.vn')).find((m) =>
      m.Subject.startsWith('Giấy mời'),
    )!;
    expect((await api.post('/auth/join', { token: tokenOf(linkIn(invitation.Text)) })).status).toBe(200);

    // Outside the secretary's branch: not found; a member cannot ask for links.
    expect((await secretary.get(`/members/${org.members.cuong.id}/personal-link`)).status).toBe(404);
    expect((await secretary.post(`/members/${org.members.cuong.id}/personal-link/rotate`)).status).toBe(404);
    expect((await phone.get(`/members/${org.members.an.id}/personal-link`)).status).toBe(401);

    const sheet = await secretary.get(`/units/${org.units.B1.id}/personal-links.html`);
    expect(sheet.status).toBe(200);
    const html = sheet.raw.toString('utf8');
    const names = [...html.matchAll(/<p class="name">([^<]+)<\/p>/g)].map((m) => m[1]);
    expect(names).toEqual(['Nguyễn Văn An', 'Phạm Thị Bình', 'Vũ Thị Hà']);
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).toContain(rotated.body.shortUrl);
    const paperOnly = await organiser.get(`/units/${org.units.B2.id}/personal-links?paperOnly=true`);
    expect(paperOnly.body.map((l: { fullName: string }) => l.fullName)).toEqual(['Hoàng Văn Cường']);
    expect((await secretary.get(`/units/${org.units.B2.id}/personal-links.html`)).status).toBe(404);
  });
});

// Several instances on one PostgreSQL database, and a restart between planning and sending.
(databases.includes('postgresql') ? describe : describe.skip)('invitations with several instances', () => {
  let mailpit: Mailpit;
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close().catch(() => undefined);
    await mailpit?.stop();
  });

  it('sends every message once with two instances sending, and sends a reminder after a restart', async () => {
    mailpit = await startMailpit();
    const env = { PUBLIC_URL, SMTP_URL: mailpit.smtpUrl, NOTIFY_POLL_MS: '100', NOTIFY_PLAN_MS: '3600000' };
    const first = await startTestApp('postgresql', env);
    apps.push(first);
    const databaseUrl = first.running.config.databaseUrl!;
    const org = await organisationFactory(first.prisma);
    const people = Array.from({ length: 40 }, (_, i) => i);
    for (const i of people)
      await first.prisma.member.create({
        data: {
          fullName: `Đảng viên ${i}`,
          nameKey: `dang vien ${i}`,
          unitId: org.units.B3.id,
          email: `dv${i}@example.vn`,
        },
      });
    const second = await startTestApp('postgresql', { ...env, DATABASE_URL: databaseUrl });
    apps.push(second);
    const organiser = await new ApiClient(first.url).login('tochuc', TEST_PASSWORD);
    // Starts in a few seconds: the invitation now, the start reminder at the start.
    const startsAt = new Date(Date.now() + 6000);
    const created = await organiser.post('/sessions', {
      title: 'Hội nghị trực tuyến toàn tỉnh',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + hour).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.B3.id],
    });
    await organiser.post(`/sessions/${created.body.id}/invitations/send`);
    const invitations = await until(
      async () => (await mailpit.messages()).filter((m) => m.Subject.startsWith('Giấy mời')),
      (list) => list.length >= 40,
      30_000,
    );
    // The first instance stops before the start; the second (and a third, started now) send the reminder.
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    const third = await startTestApp('postgresql', { ...env, DATABASE_URL: databaseUrl });
    apps.push(third);
    const reminders = await until(
      async () => (await mailpit.messages()).filter((m) => m.Subject.startsWith('Hội nghị bắt đầu')),
      (list) => list.length >= 40,
      40_000,
    );
    await Promise.all([second, third].map((a) => a.running.app.get(NotificationDispatcher).idle()));
    const perPerson = (list: { To: { Address: string }[] }[]) =>
      new Set(list.map((m) => m.To[0]!.Address)).size === list.length;
    expect(invitations).toHaveLength(40);
    expect(perPerson(invitations)).toBe(true);
    expect((await mailpit.messages()).filter((m) => m.Subject.startsWith('Hội nghị bắt đầu'))).toHaveLength(
      40,
    );
    expect(perPerson(reminders)).toBe(true);
    const attempts = await second.prisma.notificationAttempt.count();
    expect(attempts).toBe(80);
  });
});
