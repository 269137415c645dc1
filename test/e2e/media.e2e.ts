import type { AuthResult, JoinResult } from '@hallbridge/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { smallTouchTargets } from '../support/accessibility';
import { desktop, launchChromium, newContext, phone, storeSignIn } from '../support/browser';
import { addBranch, firstRun } from '../support/first-run';
import { startLiveKit, type LiveKitServer } from '../support/livekit-server';
import { LiveTestClient } from '../support/live-client';
import { framesDecoded, heardNewVoice, markAudioElements } from '../support/media-checks';
import { startProduct, type Product } from '../support/product';

const hour = 3600_000;

describe('media: the hall and the district rooms see and hear each other (headless Chromium, fake devices)', () => {
  let livekit: LiveKitServer;
  let product: Product;
  let browser: Browser;
  let sessionId: string;
  let memberKey: string;
  const auth: Record<'presenter' | 'site' | 'member', AuthResult | null> = {
    presenter: null,
    site: null,
    member: null,
  };
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const sockets: LiveTestClient[] = [];

  beforeAll(async () => {
    livekit = await startLiveKit();
    product = await startProduct(livekit.env);
    browser = await launchChromium();

    const { api, organiser, rootId } = await firstRun(product.url, {
      name: 'Tỉnh ủy Thử nghiệm',
      code: 'TUTN',
      password: 'mat-khau-to-chuc',
    });
    const branchId = await addBranch(organiser, rootId, { name: 'Chi bộ Thôn Đông', code: 'CB-DONG' });
    const presenter = await organiser.post('/users', {
      username: 'baocao',
      password: 'mat-khau-bao-cao',
      displayName: 'Trần Thị Báo Cáo',
      role: 'presenter',
      unitId: rootId,
    });
    const member = await organiser.post('/members', { fullName: 'Lê Văn Phát Biểu', unitId: branchId });
    memberKey = `m:${member.body.id}`;
    const session = await organiser.post('/sessions', {
      title: 'Hội nghị có hình và tiếng',
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
      hostUnitId: rootId,
      invitedUnitIds: [branchId],
      presenterIds: [presenter.body.id],
    });
    sessionId = session.body.id;
    expect(
      (await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' })).status,
    ).toBeLessThan(300);

    auth.presenter = (
      await api.post<AuthResult>('/auth/login', { username: 'baocao', password: 'mat-khau-bao-cao' })
    ).body;
    const site = await organiser.post('/sites', { unitId: branchId, name: 'Hội trường Thôn Đông' });
    auth.site = (await api.post<AuthResult>('/auth/pair', { code: site.body.pairingCode })).body;
    const links = (await organiser.get(`/sessions/${sessionId}/join-links`)).body as { url: string }[];
    auth.member = (await api.post<JoinResult>('/auth/join', { token: links[0]!.url.split('/j/')[1] })).body;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    for (const context of contexts) await context.close();
    await browser?.close();
    await product?.stop();
    await livekit?.stop();
  });

  /** A browser signed in as `who` (the stored sign-in the web app reads), on `path`, past the device check. */
  async function open(who: keyof typeof auth, path: string, options = desktop): Promise<Page> {
    const context = await newContext(browser, options);
    contexts.push(context);
    await storeSignIn(context, auth[who]!);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
    await page.goto(`${product.url}${path}`);
    await page.getByTestId('device-check').waitFor();
    // On a phone every control of the device check ("Thử micrô" included) is big enough to tap.
    if (options.isMobile) expect(await smallTouchTargets(page, 'device check')).toEqual([]);
    await page.getByTestId('media-join').click();
    await page.getByTestId('media-controls').waitFor();
    return page;
  }

  it('shows the presenter on the site screen, the site in the hall, and carries a member given the floor', async () => {
    const hall = await open('presenter', `/live/${sessionId}/present`);
    const site = await open('site', `/site/live/${sessionId}`);

    // The district room's screen plays the presenter's camera.
    const onSite = await framesDecoded(site.getByTestId('stage-main'));
    expect(onSite.width).toBeGreaterThan(0);
    expect(await site.getByTestId('stage-video').getAttribute('data-identity')).toBe(
      `u:${auth.presenter!.principal.userId}`,
    );

    // The presenter's own stage shows their camera, not a wait for the hall's video (they are the hall).
    const own = hall.getByTestId('stage-main').getByTestId('stage-video');
    expect((await framesDecoded(hall.getByTestId('stage-main'))).width).toBeGreaterThan(0);
    expect(await own.getAttribute('data-identity')).toBe(`u:${auth.presenter!.principal.userId}`);

    // The hall's district wall plays the room's camera.
    const tile = hall.getByTestId('wall-tile').filter({ has: hall.locator('video') });
    const inHall = await framesDecoded(tile);
    expect(inHall.width).toBeGreaterThan(0);
    expect(await tile.first().getAttribute('data-identity')).toBe(`s:${auth.site!.principal.siteId}`);

    // A member on a phone listens; the presenter gives them the floor; they accept and are heard.
    const phonePage = await open('member', `/live/${sessionId}`, phone);
    await markAudioElements(hall);
    const presenterSocket = new LiveTestClient(product.url, auth.presenter!.token);
    sockets.push(presenterSocket);
    expect((await presenterSocket.join(sessionId)).ok).toBe(true);
    expect(await presenterSocket.send('floor:grant', { key: memberKey, withCamera: false })).toMatchObject({
      ok: true,
    });
    await phonePage.getByTestId('floor-consent').waitFor();
    await phonePage.getByTestId('floor-speak').click();
    await phonePage.getByTestId('floor-speaking').waitFor();

    // The hall marks the speaker and receives their microphone.
    await hall.locator(`[data-testid="floor-voice"][data-identity="${memberKey}"]`).waitFor();
    const heard = await heardNewVoice(hall);
    expect(heard.state).toBe('live');
    expect(heard.peak).toBeGreaterThanOrEqual(0.01);
    expect(pageErrors).toEqual([]);
    expect(await presenterSocket.send('floor:revoke', { key: memberKey })).toMatchObject({ ok: true });
    await phonePage.context().close();
  });

  it('lets a member given the floor with camera before joining audio and video speak and be seen in one tap', async () => {
    const context = await newContext(browser, phone);
    contexts.push(context);
    await storeSignIn(context, auth.member!);
    const page = await context.newPage();
    await page.goto(`${product.url}/live/${sessionId}`);
    await page.getByTestId('device-check').waitFor();
    const presenterSocket = new LiveTestClient(product.url, auth.presenter!.token);
    sockets.push(presenterSocket);
    expect((await presenterSocket.join(sessionId)).ok).toBe(true);
    expect(await presenterSocket.send('floor:grant', { key: memberKey, withCamera: true })).toMatchObject({
      ok: true,
    });
    await page.locator('[data-testid="floor-banner"][data-camera="true"]').waitFor();
    await page.getByTestId('floor-join-speak').click();
    await page.getByTestId('floor-speaking').waitFor();
    // The camera is on, and its switch is there to turn it off.
    await page.locator('[data-testid="toggle-camera"][aria-pressed="true"]').waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('media: without a media server', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct({ LIVEKIT_URL: '', LIVEKIT_API_KEY: '', LIVEKIT_API_SECRET: '' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('says plainly on the member page that audio and video are off, and the rest still runs', async () => {
    const { api, organiser, rootId } = await firstRun(product.url, {
      name: 'Tỉnh ủy Không Hình',
      code: 'TUKH',
      password: 'mat-khau-to-chuc',
    });
    const branchId = await addBranch(organiser, rootId, { name: 'Chi bộ Thôn Tây', code: 'CB-TAY' });
    await organiser.post('/members', { fullName: 'Đỗ Thị Lắng Nghe', unitId: branchId });
    const session = await organiser.post('/sessions', {
      title: 'Hội nghị không có hình',
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + hour).toISOString(),
      hostUnitId: rootId,
      invitedUnitIds: [branchId],
    });
    await organiser.post(`/sessions/${session.body.id}/transitions`, { action: 'start' });
    const links = (await organiser.get(`/sessions/${session.body.id}/join-links`)).body as { url: string }[];
    const member = (await api.post<JoinResult>('/auth/join', { token: links[0]!.url.split('/j/')[1] })).body;

    const context = await newContext(browser, phone);
    await storeSignIn(context, member);
    const page = await context.newPage();
    await page.goto(`${product.url}/live/${session.body.id}`);
    const notice = page.getByTestId('media-disabled');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('không có hình và tiếng');
    expect(await page.getByTestId('live-session-title').innerText()).toBe('Hội nghị không có hình');
    await context.close();
  });
});
