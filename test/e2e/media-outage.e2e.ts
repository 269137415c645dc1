import type { AuthResult, JoinResult } from '@hallbridge/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mediaEn } from '../../libs/i18n/src/media.en';
import { mediaVi } from '../../libs/i18n/src/media.vi';
import { ApiClient } from '../support/api-client';
import { launchChromium, newContext, phone, storeSignIn } from '../support/browser';
import { addBranch, firstRun } from '../support/first-run';
import { startLiveKit, type LiveKitServer } from '../support/livekit-server';
import { LiveTestClient } from '../support/live-client';
import { startProduct, type Product } from '../support/product';
import { until } from '../support/until';

const hour = 3600_000;
const fixtures = join(__dirname, '..', 'fixtures', 'live-room');

describe('media server gone: the screen says audio and video are off while slides and polls go on (headless Chromium)', () => {
  let livekit: LiveKitServer;
  let product: Product;
  let browser: Browser;
  let sessionId: string;
  let deckId: string;
  let member: AuthResult;
  let presenter: LiveTestClient;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

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
    const presenterUser = await organiser.post('/users', {
      username: 'baocao',
      password: 'mat-khau-bao-cao',
      displayName: 'Trần Thị Báo Cáo',
      role: 'presenter',
      unitId: rootId,
    });
    await organiser.post('/members', { fullName: 'Lê Văn Nghe', unitId: branchId });
    const session = await organiser.post('/sessions', {
      title: 'Hội nghị khi máy chủ hình ảnh dừng',
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
      hostUnitId: rootId,
      invitedUnitIds: [branchId],
      presenterIds: [presenterUser.body.id],
    });
    sessionId = session.body.id;
    await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    const presenterApi = await new ApiClient(product.url).login('baocao', 'mat-khau-bao-cao');
    const deck = await presenterApi.upload(
      `/sessions/${sessionId}/decks`,
      'deck.pdf',
      readFileSync(join(fixtures, 'deck.pdf')),
      'application/pdf',
    );
    deckId = deck.body.id;
    await until(
      async () =>
        (await presenterApi.get(`/sessions/${sessionId}/decks`)).body as { id: string; status: string }[],
      (decks) => decks.some((d) => d.id === deckId && d.status === 'ready'),
      120_000,
    );
    presenter = new LiveTestClient(product.url, presenterApi.token!);
    expect((await presenter.join(sessionId)).ok).toBe(true);
    expect((await presenter.send('slide:go', { deckId, page: 1 })).ok).toBe(true);
    const links = (await organiser.get(`/sessions/${sessionId}/join-links`)).body as { url: string }[];
    member = (await api.post<JoinResult>('/auth/join', { token: links[0]!.url.split('/j/')[1] })).body;
  });

  afterAll(async () => {
    presenter?.close();
    for (const context of contexts) await context.close();
    await browser?.close();
    await product?.stop();
    await livekit?.stop();
  });

  async function memberPhone(language: 'vi' | 'en'): Promise<Page> {
    const context = await newContext(browser, { ...phone, locale: language });
    contexts.push(context);
    // English on request: the language the web app keeps (its language switch).
    await context.addInitScript((l) => localStorage.setItem('hallbridge.locale', l), language);
    await storeSignIn(context, member);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${product.url}/live/${sessionId}`);
    await page.getByTestId('device-check').waitFor();
    await page.getByTestId('media-join').click();
    await page.locator('[data-testid="media-session"][data-status="connected"]').waitFor();
    return page;
  }

  const slide = (page: Page, pageNo: number) =>
    page.locator(`[data-testid="slide-image"][data-deck="${deckId}"][data-page="${pageNo}"]`);

  it('says so in Vietnamese, keeps slides and polls going, and rejoins by itself when the server is back', async () => {
    const page = await memberPhone('vi');
    await slide(page, 1).waitFor();

    await livekit.kill();
    const notice = page.getByTestId('media-unavailable');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toBe(mediaVi.session.unavailable);
    // Not an endless "reconnecting" instead.
    expect(await page.getByTestId('media-status').count()).toBe(0);

    // Slides and polls go on without the media server.
    expect((await presenter.send('slide:go', { deckId, page: 2 })).ok).toBe(true);
    await slide(page, 2).waitFor();
    expect(
      (
        await presenter.send('poll:save', {
          poll: {
            question: 'Đồng chí có nghe rõ không?',
            kind: 'single',
            options: [
              { id: 'a', label: 'Có' },
              { id: 'b', label: 'Không' },
            ],
          },
        })
      ).ok,
    ).toBe(true);
    const pollId = (await presenter.until((s) => s.polls.length === 1)).polls[0]!.id;
    expect((await presenter.send('poll:open', { pollId })).ok).toBe(true);
    const card = page.locator(`[data-testid="poll-card"][data-poll-id="${pollId}"]`);
    await card.locator('[data-testid="poll-option"][data-option="a"]').click();
    await card.getByTestId('poll-submit').click();
    await card.locator('[data-testid="poll-my-answer"][data-answer="a"]').waitFor();
    await notice.waitFor();

    // The media server comes back on the same address: the phone rejoins without a tap.
    await livekit.restart();
    await page.locator('[data-testid="media-session"][data-status="connected"]').waitFor({ timeout: 60_000 });
    expect(await notice.count()).toBe(0);
    await page.getByTestId('media-controls').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('says so in English on request', async () => {
    const page = await memberPhone('en');
    await livekit.kill();
    const notice = page.getByTestId('media-unavailable');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toBe(mediaEn.session.unavailable);
    await livekit.restart();
    await page.locator('[data-testid="media-session"][data-status="connected"]').waitFor({ timeout: 60_000 });
  });
});
