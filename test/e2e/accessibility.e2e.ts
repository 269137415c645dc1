import type { AuthResult, JoinResult } from '@hallbridge/contracts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { axeFindings, smallTouchTargets, webRoutes, type Finding } from '../support/accessibility';
import type { ApiClient } from '../support/api-client';
import { desktop, launchChromium, newContext, phone, storeSignIn } from '../support/browser';
import { addBranch, firstRun } from '../support/first-run';
import { LiveTestClient } from '../support/live-client';
import { startProduct, type Product } from '../support/product';
const TEST_PASSWORD = 'mat-khau-thu-nghiem';

const hour = 3600_000;
/** The phone the walk used (390 CSS pixels wide). */
const phone390: BrowserContextOptions = { ...phone, viewport: { width: 390, height: 844 } };
const tv: BrowserContextOptions = { viewport: { width: 1280, height: 720 }, locale: 'vi-VN' };
/** HB_SCREENSHOTS=<dir> keeps a screenshot of every audited page, to look at. */
const shots = process.env.HB_SCREENSHOTS;

type Who = 'anonymous' | 'member' | 'site' | 'organiser' | 'presenter' | 'secretary';

interface Visit {
  /** The route pattern of apps/web/src/app.tsx the visit covers. */
  route: string;
  who: Who;
  path: () => string | Promise<string>;
  /** What shows once the page has loaded. */
  ready: (page: Page) => Locator;
  /** Optional steps after loading (opening what the page hides until asked). */
  then?: (page: Page) => Promise<void>;
}

const byTestId = (id: string) => (page: Page) => page.getByTestId(id).first();

/**
 * Every page of the web app in both languages, in one browser, each visited once per language:
 * no serious or critical WCAG 2.1 AA violation (axe-core), and on the pages meant for phones no
 * touch target under 44 px. A new route in app.tsx that the list below does not visit fails too.
 */
describe('accessibility: every page, Vietnamese and English, phones and desktops', () => {
  let product: Product;
  let browser: Browser;
  let organiser: ApiClient;
  const ids = { session: '', memberId: '', joinToken: '', reflection: '', branch: '' };
  let siteApi: ApiClient;
  const auth: Partial<Record<Who, AuthResult>> = {};
  let presenterRoom: LiveTestClient;
  let memberRoom: LiveTestClient;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
  });

  afterAll(async () => {
    presenterRoom?.close();
    memberRoom?.close();
    await browser?.close();
    await product?.stop();
  });

  /** The organisation every page is shown with: a live session with a poll, a hand and a question. */
  async function organisation() {
    const setup = await firstRun(product.url, {
      name: 'Đảng ủy Khối Cơ quan Tỉnh',
      code: 'DUK',
      password: TEST_PASSWORD,
    });
    organiser = setup.organiser;
    auth.organiser = setup.auth;
    const branchId = await addBranch(organiser, setup.rootId, { name: 'Chi bộ Phòng Đông', code: 'CB-DONG' });
    ids.branch = branchId;
    for (const [username, role, unitId] of [
      ['baocao', 'presenter', setup.rootId],
      ['bithu', 'secretary', branchId],
    ] as const)
      await organiser.post('/users', {
        username,
        password: TEST_PASSWORD,
        displayName: username === 'baocao' ? 'Lê Báo Cáo' : 'Trần Thị Bí',
        role,
        unitId,
      });
    auth.presenter = (
      await setup.api.post('/auth/login', { username: 'baocao', password: TEST_PASSWORD })
    ).body;
    auth.secretary = (
      await setup.api.post('/auth/login', { username: 'bithu', password: TEST_PASSWORD })
    ).body;
    for (const fullName of ['Nguyễn Thị Hồng Nhung', 'Trần Văn Đức'])
      await organiser.post('/members', { fullName, unitId: branchId, phone: '0912345601' });
    const site = await organiser.post('/sites', { unitId: branchId, name: 'Hội trường Phòng Đông' });
    const screen = (await setup.api.post<AuthResult>('/auth/pair', { code: site.body.pairingCode })).body;
    auth.site = screen;
    const session = await organiser.post('/sessions', {
      title: 'Học tập Nghị quyết Trung ương 10',
      topic: 'Nghị quyết Hội nghị Trung ương lần thứ 10',
      startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
      hostUnitId: setup.rootId,
      invitedUnitIds: [branchId],
      presenterIds: [auth.presenter!.principal.userId],
    });
    ids.session = session.body.id;
    await organiser.post(`/sessions/${ids.session}/transitions`, { action: 'start' });
    const links = (await organiser.get(`/sessions/${ids.session}/join-links`)).body as {
      fullName: string;
      memberId: string;
      url: string;
    }[];
    const nhung = links.find((l) => l.fullName === 'Nguyễn Thị Hồng Nhung')!;
    ids.memberId = nhung.memberId;
    ids.joinToken = nhung.url.split('/j/')[1]!;
    auth.member = (await setup.api.post<JoinResult>('/auth/join', { token: ids.joinToken })).body;
    siteApi = setup.api.as(screen.token);

    // A reflection called for and handed in by the member, for the secretary to review.
    await organiser.put(`/sessions/${ids.session}/reflections/settings`, {
      deadline: new Date(Date.now() + 7 * 24 * hour).toISOString(),
      questions: ['Đồng chí rút ra điều gì cho chi bộ mình?'],
      gradeScale: [
        { key: 'dat', label: 'Đạt', passing: true },
        { key: 'chua-dat', label: 'Chưa đạt', passing: false },
      ],
    });
    const mine = setup.api.as(auth.member.token);
    const saved = await mine.put(`/sessions/${ids.session}/reflections/mine`, {
      body: '<p>Bài thu hoạch về Nghị quyết.</p>',
      baseVersion: 0,
    });
    await mine.post(`/sessions/${ids.session}/reflections/mine/submit`, { version: saved.body.version });
    ids.reflection = saved.body.id;

    // The branch's action programme open for comments, and the feedback survey open.
    const secretaryApi = setup.api.as(auth.secretary!.token);
    const drafted = await secretaryApi.post(`/sessions/${ids.session}/programmes/mine/actions`, {
      title: 'Tổ chức sinh hoạt chuyên đề về Nghị quyết',
      owner: 'Đồng chí Bí thư',
      dueDate: new Date(Date.now() + 30 * 24 * hour).toISOString().slice(0, 10),
    });
    await secretaryApi.post(`/programmes/${drafted.body.id}/open`, {
      commentsCloseAt: new Date(Date.now() + 7 * 24 * hour).toISOString(),
    });
    const template = await organiser.post('/feedback/templates', {
      name: 'Phiếu góp ý sau hội nghị',
      questions: [
        { id: 'clarity', kind: 'rating', text: 'Báo cáo viên trình bày rõ ràng', perPresenter: true },
        { id: 'change', kind: 'text', text: 'Lần sau cần thay đổi điều gì?' },
      ],
    });
    await organiser.put(`/sessions/${ids.session}/feedback`, {
      templateId: template.body.id,
      closesAt: new Date(Date.now() + 7 * 24 * hour).toISOString(),
    });

    // The live room as people find it: an open poll, a raised hand, a question.
    presenterRoom = new LiveTestClient(product.url, auth.presenter!.token);
    await presenterRoom.join(ids.session);
    await presenterRoom.send('poll:save', {
      pollId: null,
      poll: {
        question: 'Đồng chí đã đọc toàn văn Nghị quyết chưa?',
        kind: 'single',
        options: [
          { id: 'a', label: 'Đã đọc' },
          { id: 'b', label: 'Chưa đọc' },
        ],
        ratingMax: null,
        correctOptionIds: null,
        anonymous: true,
        allowChange: false,
      },
    });
    const pollId = (await presenterRoom.until((s) => s.polls.length === 1)).polls[0]!.id;
    await presenterRoom.send('poll:open', { pollId });
    // Another member raises the hand and stays in the room (a hand whose owner left every instance is
    // dropped after 15 s; the browser's member pages would take over Nhung's connection).
    const duc = links.find((l) => l.fullName === 'Trần Văn Đức')!;
    const ducAuth = (await setup.api.post<JoinResult>('/auth/join', { token: duc.url.split('/j/')[1]! }))
      .body;
    memberRoom = new LiveTestClient(product.url, ducAuth.token);
    await memberRoom.join(ids.session);
    await memberRoom.send('hand:raise', { topic: 'Về tài liệu' });
    await memberRoom.send('question:ask', { text: 'Khi nào có tài liệu hướng dẫn?', anonymous: false });
  }

  const visits: Visit[] = [
    // Anyone, on a phone.
    { route: '/sign-in', who: 'anonymous', path: () => '/sign-in', ready: byTestId('sign-in-form') },
    { route: '/j/:token', who: 'anonymous', path: () => '/j/abc.def.ghi.jkl', ready: byTestId('join-error') },
    { route: '/site', who: 'anonymous', path: () => '/site', ready: byTestId('pairing-form') },
    { route: '/p', who: 'anonymous', path: () => '/p', ready: byTestId('personal-code') },
    {
      route: '/p/:code',
      who: 'anonymous',
      path: () => '/p/abcd-efgh-jkmn',
      ready: byTestId('personal-link-error'),
    },
    { route: '/*', who: 'anonymous', path: () => '/no-such-page', ready: (p) => p.locator('h1') },
    // A member, on a phone.
    { route: '/', who: 'member', path: () => '/', ready: byTestId('member-name') },
    { route: '/me', who: 'member', path: () => '/me', ready: byTestId('member-session-list') },
    {
      route: '/me/sessions/:id',
      who: 'member',
      path: () => `/me/sessions/${ids.session}`,
      ready: byTestId('member-session-title'),
    },
    {
      route: '/me/attendance',
      who: 'member',
      path: () => '/me/attendance',
      ready: byTestId('attendance-history'),
    },
    {
      route: '/me/sessions/:id/reflection',
      who: 'member',
      path: () => `/me/sessions/${ids.session}/reflection`,
      ready: byTestId('member-reflection'),
    },
    { route: '/checkin', who: 'member', path: () => '/checkin', ready: byTestId('check-in-digits') },
    {
      route: '/checkin/:code',
      who: 'member',
      // The room's code of the moment (codes change every minute).
      path: async () =>
        (await siteApi.get(`/sessions/${ids.session}/check-in-code`)).body.url.split(product.url)[1],
      ready: byTestId('check-in-done'),
    },
    {
      route: '/live/:sessionId',
      who: 'member',
      path: () => `/live/${ids.session}`,
      ready: (p) => p.locator('[data-testid="poll-card"][data-status="open"]'),
    },
    // The district room's screen.
    {
      route: '/site/live/:sessionId',
      who: 'site',
      path: () => `/site/live/${ids.session}`,
      ready: byTestId('hand-card'),
    },
    {
      route: '/site/checkin/:sessionId',
      who: 'site',
      path: () => `/site/checkin/${ids.session}`,
      ready: byTestId('check-in-code'),
      then: async (page) => {
        await page.getByTestId('site-roster-toggle').click();
        await page.getByTestId('site-roster-member').first().waitFor();
      },
    },
    // Staff, on desktops.
    {
      route: '/live/:sessionId/present',
      who: 'presenter',
      path: () => `/live/${ids.session}/present`,
      ready: byTestId('hand-row'),
    },
    {
      route: '/live/:sessionId/console',
      who: 'organiser',
      path: () => `/live/${ids.session}/console`,
      ready: byTestId('poll-row'),
    },
    { route: '/sessions', who: 'organiser', path: () => '/sessions', ready: byTestId('session-new') },
    {
      route: '/sessions/:id',
      who: 'organiser',
      path: () => `/sessions/${ids.session}`,
      ready: byTestId('join-link-row'),
    },
    {
      route: '/sessions/new',
      who: 'organiser',
      path: () => '/sessions/new',
      ready: byTestId('session-title'),
    },
    {
      route: '/sessions/:id/edit',
      who: 'organiser',
      path: () => `/sessions/${ids.session}/edit`,
      ready: byTestId('session-title'),
    },
    {
      route: '/sessions/:id/attendance',
      who: 'secretary',
      path: () => `/sessions/${ids.session}/attendance`,
      ready: byTestId('attendance-member'),
    },
    {
      route: '/members/:memberId/attendance',
      who: 'secretary',
      path: () => `/members/${ids.memberId}/attendance`,
      ready: byTestId('attendance-history'),
    },
    {
      route: '/attendance/units',
      who: 'organiser',
      path: () => '/attendance/units',
      ready: byTestId('unit-period'),
    },
    { route: '/units', who: 'organiser', path: () => '/units', ready: byTestId('unit-row-CB-DONG') },
    { route: '/accounts', who: 'organiser', path: () => '/accounts', ready: byTestId('account-row') },
    { route: '/roster', who: 'secretary', path: () => '/roster', ready: byTestId('roster-row') },
    { route: '/sites', who: 'secretary', path: () => '/sites', ready: byTestId('site-row') },
    { route: '/audit', who: 'organiser', path: () => '/audit', ready: byTestId('audit-table') },
    {
      route: '/settings/connection',
      who: 'organiser',
      path: () => '/settings/connection',
      ready: byTestId('connection-public-url'),
    },
    {
      route: '/sessions/:id/reflections',
      who: 'secretary',
      path: () => `/sessions/${ids.session}/reflections`,
      ready: byTestId('reflection-member'),
    },
    {
      route: '/reflections/:id',
      who: 'secretary',
      path: () => `/reflections/${ids.reflection}`,
      ready: byTestId('reflection-review'),
    },
    {
      route: '/sessions/:id/programmes',
      who: 'organiser',
      path: () => `/sessions/${ids.session}/programmes`,
      ready: byTestId('programmes-row'),
    },
    {
      route: '/sessions/:id/programmes/:unitId',
      who: 'secretary',
      path: () => `/sessions/${ids.session}/programmes/${ids.branch}`,
      ready: byTestId('programme-action'),
    },
    {
      route: '/me/sessions/:id/programme',
      who: 'member',
      path: () => `/me/sessions/${ids.session}/programme`,
      ready: byTestId('programme-comment-body'),
    },
    {
      route: '/me/sessions/:id/feedback',
      who: 'member',
      path: () => `/me/sessions/${ids.session}/feedback`,
      ready: byTestId('feedback-send'),
    },
    {
      route: '/sessions/:id/feedback',
      who: 'organiser',
      path: () => `/sessions/${ids.session}/feedback`,
      ready: byTestId('feedback-hidden'),
    },
    {
      route: '/feedback/presenters/:id',
      who: 'organiser',
      path: () => `/feedback/presenters/${auth.presenter!.principal.userId}`,
      ready: byTestId('presenter-feedback'),
    },
    {
      route: '/evaluation',
      who: 'secretary',
      path: () => '/evaluation',
      ready: byTestId('evaluation-branches'),
    },
  ];
  // After the organisation exists /setup sends people on: it is audited first, on its own.
  const setupVisit: Visit = {
    route: '/setup',
    who: 'anonymous',
    path: () => '/setup',
    ready: byTestId('setup-form'),
  };

  const phoneUsers: Who[] = ['anonymous', 'member'];
  const contextOptions = (who: Who) => (phoneUsers.includes(who) ? phone390 : who === 'site' ? tv : desktop);

  async function audit(language: 'vi' | 'en', list: Visit[]): Promise<Finding[]> {
    const contexts = new Map<Who, BrowserContext>();
    const findings: Finding[] = [];
    try {
      for (const visit of list) {
        let context = contexts.get(visit.who);
        if (!context) {
          context = await newContext(browser, { ...contextOptions(visit.who), locale: language });
          await context.addInitScript((l) => localStorage.setItem('hallbridge.locale', l), language);
          const signedIn = auth[visit.who];
          if (visit.who !== 'anonymous' && signedIn) await storeSignIn(context, signedIn);
          contexts.set(visit.who, context);
        }
        const page = context.pages()[0] ?? (await context.newPage());
        const name = `${visit.route} (${visit.who}, ${language})`;
        await page.goto(`${product.url}${await visit.path()}`);
        await visit.ready(page).waitFor();
        await visit.then?.(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        findings.push(...(await axeFindings(page, name)));
        if (phoneUsers.includes(visit.who)) findings.push(...(await smallTouchTargets(page, name)));
        if (shots) {
          mkdirSync(shots, { recursive: true });
          const file = `${language}-${visit.who}-${visit.route.replace(/[/:*]+/g, '_')}.png`;
          await page.screenshot({ path: join(shots, file), fullPage: true });
        }
      }
    } finally {
      for (const context of contexts.values()) await context.close();
    }
    return findings;
  }

  it('visits every route of the web app', () => {
    const visited = new Set([setupVisit, ...visits].map((v) => v.route));
    expect(webRoutes().filter((route) => !visited.has(route))).toEqual([]);
  });

  it('finds nothing serious on the first-run setup page, in both languages', async () => {
    expect([...(await audit('vi', [setupVisit])), ...(await audit('en', [setupVisit]))]).toEqual([]);
  });

  describe('with an organisation and its live session', () => {
    beforeAll(organisation);

    const groups: [string, Who[]][] = [
      ['phones', phoneUsers],
      ['the room screen', ['site']],
      ['staff desktops', ['presenter', 'organiser', 'secretary']],
    ];
    const cases = (['vi', 'en'] as const).flatMap((language) =>
      groups.map(([group, who]) => ({ language, group, who })),
    );
    // Up to 20 pages each, every one loaded and audited: generous on a shared, loaded machine.
    it.each(cases)(
      'finds nothing serious on $group in $language',
      async ({ language, who }) => {
        expect(
          await audit(
            language,
            visits.filter((v) => who.includes(v.who)),
          ),
        ).toEqual([]);
      },
      600_000,
    );
  });
});
