import { ReflectionReminders } from '../../apps/api/src/notifications/reflection-reminders.service';
import { ApiClient } from '../support/api-client';
import { organisationFactory, TEST_PASSWORD } from '../support/factories';
import { startMailpit, type Mailpit } from '../support/mailpit';
import { memberTokens } from '../support/session-tokens';
import { databases, startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

const hour = 3600_000;
const PUBLIC_URL = 'https://hoinghi.example.vn';
const linkIn = (text: string) => /https:\/\/hoinghi\.example\.vn\/j\/\S+/.exec(text)?.[0] ?? '';

/**
 * Reminders before a reflection deadline go through the notification port (Mailpit's real SMTP
 * server here) to required members who handed nothing in, once per slot, with a delivery record
 * and a link that opens the reflection.
 */
describe.each(databases)('reflection reminders on %s', (kind) => {
  let mailpit: Mailpit;
  let app: TestApp;
  let org: Awaited<ReturnType<typeof organisationFactory>>;
  let api: ApiClient;
  let organiser: ApiClient;
  let reminders: ReflectionReminders;
  let sessionId: string;
  const settings = (deadlineInMs: number) => ({
    deadline: new Date(Date.now() + deadlineInMs).toISOString(),
    minWords: 3,
    gradeScale: [
      { key: 'good', label: 'Tốt', passing: true },
      { key: 'fail', label: 'Chưa đạt', passing: false },
    ],
  });
  const rowsOf = (memberId: string) =>
    app.prisma.notification.findMany({
      where: { sessionId, memberId },
      include: { attemptLog: true },
      orderBy: { createdAt: 'asc' },
    });

  beforeAll(async () => {
    mailpit = await startMailpit({ allowedRecipients: '@example\\.vn$' });
    app = await startTestApp(kind, {
      PUBLIC_URL,
      SMTP_URL: mailpit.smtpUrl,
      MAIL_FROM: 'HallBridge <hoinghi@example.vn>',
      NOTIFY_POLL_MS: '200',
      NOTIFY_PLAN_MS: '3600000',
    });
    org = await organisationFactory(app.prisma);
    // An writes nothing; Bình hands in; Cường is exempt from meetings; Dũng's branch was not invited.
    const email = (id: string, address: string, extra = {}) =>
      app.prisma.member.update({ where: { id }, data: { email: address, ...extra } });
    await email(org.members.an.id, 'an@example.vn');
    await email(org.members.binh.id, 'binh@example.vn', { locale: 'en' });
    await email(org.members.cuong.id, 'cuong@example.vn', { status: 'exempt' });
    await email(org.members.dung.id, 'dung@example.vn');
    reminders = app.running.app.get(ReflectionReminders);
    api = new ApiClient(app.url);
    organiser = await api.login('tochuc', TEST_PASSWORD);
    const session = await organiser.post('/sessions', {
      title: 'Học tập Nghị quyết 57',
      startsAt: new Date(Date.now() - 3 * hour).toISOString(),
      endsAt: new Date(Date.now() - 2 * hour).toISOString(),
      hostUnitId: org.units.P.id,
      invitedUnitIds: [org.units.D1.id],
    });
    sessionId = session.body.id;
    for (const action of ['start', 'end'])
      expect((await organiser.post(`/sessions/${sessionId}/transitions`, { action })).status).toBe(200);
    expect(
      (await organiser.put(`/sessions/${sessionId}/reflections/settings`, settings(50 * hour))).status,
    ).toBe(200);
    const { binh } = await memberTokens(organiser, sessionId, { binh: 'Phạm Thị Bình' });
    const writer = api.as(binh!);
    const saved = await writer.put(`/sessions/${sessionId}/reflections/mine`, {
      body: '<p>Bài thu hoạch của tôi</p>',
      baseVersion: 0,
    });
    expect(
      (await writer.post(`/sessions/${sessionId}/reflections/mine/submit`, { version: saved.body.version }))
        .status,
    ).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    await mailpit?.stop();
  });

  it('reminds three days before only those who have to write and have not, with a link to the reflection', async () => {
    await reminders.planAll();
    const [mail] = await mailpit.waitFor('an@example.vn');
    expect(mail!.Subject).toBe('Nhắc nộp bài thu hoạch: Học tập Nghị quyết 57');
    expect(mail!.Text).toContain('Kính gửi đồng chí Nguyễn Văn An');
    expect(mail!.Text).toContain('Đồng chí chưa nộp bài.');
    const link = linkIn(mail!.Text);
    expect(link).toMatch(/\?to=reflection$/);
    expect(mail!.HTML).toContain('Viết bài thu hoạch');
    // The link signs the member in for this session (the web app then opens the reflection).
    const joined = await api.post('/auth/join', { token: link.split('/j/')[1]!.split('?')[0] });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ sessionId, principal: { memberId: org.members.an.id } });

    // Its delivery record, like an invitation's.
    const rows = await until(
      () => rowsOf(org.members.an.id),
      (r) => r.length === 1 && r[0]!.status === 'sent',
    );
    expect(rows[0]).toMatchObject({ kind: 'reflection_early', channel: 'email', address: 'an@example.vn' });
    expect(rows[0]!.attemptLog).toEqual([expect.objectContaining({ ok: true })]);

    // Nobody else: handed in, exempt, or not invited.
    for (const id of [org.members.binh.id, org.members.cuong.id, org.members.dung.id])
      expect(await rowsOf(id)).toEqual([]);

    // The slot is recorded: running again (or on another instance) sends nothing more.
    await reminders.planAll();
    expect((await app.prisma.reflectionSettings.findUnique({ where: { sessionId } }))!.remindersSent).toEqual(
      [72],
    );
    expect(await rowsOf(org.members.an.id)).toHaveLength(1);
  });

  it('sends one last reminder when the deadline comes within a day, and again after the deadline moves', async () => {
    // The organiser brings the deadline forward: both slots are due at once, one message says so.
    expect(
      (await organiser.put(`/sessions/${sessionId}/reflections/settings`, settings(20 * hour))).status,
    ).toBe(200);
    await reminders.planAll();
    const mails = await mailpit.waitFor('an@example.vn', 2);
    expect(mails.map((m) => m.Subject)).toContain('Hạn cuối nộp bài thu hoạch: Học tập Nghị quyết 57');
    const last = await until(
      () => rowsOf(org.members.an.id),
      (r) => r.some((x) => x.kind === 'reflection_last' && x.status === 'sent'),
    );
    expect(last.map((r) => r.kind).sort()).toEqual(['reflection_early', 'reflection_last']);

    // Moved again: the last reminder's record is sent again for the new deadline, not duplicated.
    expect(
      (await organiser.put(`/sessions/${sessionId}/reflections/settings`, settings(10 * hour))).status,
    ).toBe(200);
    await reminders.planAll();
    await mailpit.waitFor('an@example.vn', 3);
    const again = await until(
      () => rowsOf(org.members.an.id),
      (r) => r.find((x) => x.kind === 'reflection_last')!.attemptLog.length === 2,
    );
    expect(again).toHaveLength(2);
    expect(again.find((x) => x.kind === 'reflection_last')!.status).toBe('sent');

    // Bình, who handed in, never heard from it.
    expect((await mailpit.messages()).flatMap((m) => m.To.map((t) => t.Address))).not.toContain(
      'binh@example.vn',
    );
  });
});
