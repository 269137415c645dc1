import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { desktop, launchChromium, newContext, phone, signIn } from '../support/browser';
import { addBranch, firstRun } from '../support/first-run';
import { startProduct, type Product } from '../support/product';

const fixtures = join(__dirname, '..', 'fixtures', 'live-room');
const hour = 3600_000;
const password = 'mat-khau-thu-nghiem';

/** The slide a view shows right now (the image element says which page has actually arrived). */
const slide = (page: Page, deckId: string, pageNo: number, testId = 'slide-image') =>
  page.locator(`[data-testid="${testId}"][data-deck="${deckId}"][data-page="${pageNo}"]`);

/** Waits for a slide and checks that its image really decoded (not a broken image). */
async function expectSlide(page: Page, deckId: string, pageNo: number, testId = 'slide-image') {
  const image = slide(page, deckId, pageNo, testId);
  await image.waitFor();
  const size = await image.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  });
  expect(size.width).toBeGreaterThan(100);
  expect(size.height).toBeGreaterThan(50);
}

const attrs = (list: Locator, name: string) =>
  list.evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);

describe('live room: a presenter, two members on phones and a district room screen', () => {
  let product: Product;
  let browser: Browser;
  let sessionId: string;
  let pairingCode: string;
  const joinLinks: Record<'an' | 'binh', string> = { an: '', binh: '' };
  const contexts: BrowserContext[] = [];
  let presenter: Page;
  let an: Page;
  let binh: Page;
  let site: Page;
  let binhContext: BrowserContext;
  const decks: Record<'pdf' | 'pptx', string> = { pdf: '', pptx: '' };
  let everyone: () => Page[];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    const { organiser, rootId } = await firstRun(product.url, {
      name: 'Tỉnh ủy Thử Nghiệm',
      code: 'TU',
      password,
    });
    const branchId = await addBranch(organiser, rootId, { name: 'Chi bộ Thôn 1', code: 'CB1' });
    const presenterUser = await organiser.post('/users', {
      username: 'baocao',
      password,
      displayName: 'Lê Báo Cáo',
      role: 'presenter',
      unitId: rootId,
    });
    for (const fullName of ['Nguyễn Văn An', 'Phạm Thị Bình'])
      expect((await organiser.post('/members', { fullName, unitId: branchId })).status).toBe(201);
    const session = await organiser.post('/sessions', {
      title: 'Quán triệt Nghị quyết Trung ương 10',
      startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
      hostUnitId: rootId,
      invitedUnitIds: [branchId],
      presenterIds: [presenterUser.body.id],
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    const links = (await organiser.get(`/sessions/${sessionId}/join-links`)).body as {
      fullName: string;
      url: string;
    }[];
    joinLinks.an = links.find((l) => l.fullName === 'Nguyễn Văn An')!.url;
    joinLinks.binh = links.find((l) => l.fullName === 'Phạm Thị Bình')!.url;
    const screen = await organiser.post('/sites', { unitId: branchId, name: 'Hội trường Thôn 1' });
    pairingCode = screen.body.pairingCode;
    const started = await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
    expect(started.status).toBe(200);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await product?.stop();
  });

  const open = async (options: typeof desktop) => {
    const context = await newContext(browser, options);
    contexts.push(context);
    return { context, page: await context.newPage() };
  };

  it('opens each live view from the pages people already use', async () => {
    // The presenter signs in and opens the room from the session's page.
    presenter = (await open(desktop)).page;
    await signIn(presenter, product.url, 'baocao', password);
    await presenter.goto(`${product.url}/sessions/${sessionId}`);
    await presenter.getByTestId('open-live-room').click();
    await presenter.waitForURL(`${product.url}/live/${sessionId}/present`);
    await presenter.getByTestId('presenter-stage').waitFor();

    // Members open their join links on phones, then the live room from the session page.
    const memberPage = async (link: string) => {
      const { context, page } = await open(phone);
      await page.goto(link);
      await page.getByTestId('open-live-room').click();
      await page.waitForURL(`${product.url}/live/${sessionId}`);
      await page.getByTestId('hand-card').waitFor();
      return { context, page };
    };
    an = (await memberPage(joinLinks.an)).page;
    ({ page: binh, context: binhContext } = await memberPage(joinLinks.binh));

    // The district room's screen is paired with its code and goes to the running session by itself.
    site = (await open({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' })).page;
    await site.goto(`${product.url}/site`);
    await site.getByTestId('pairing-input').fill(pairingCode);
    await site.getByTestId('pairing-submit').click();
    await site.waitForURL(`${product.url}/site/live/${sessionId}`);
    await site.getByTestId('live-site').waitFor();
    expect(await site.getByTestId('site-name').innerText()).toBe('Hội trường Thôn 1');
    everyone = () => [presenter, an, binh, site];

    // Everyone is counted: the presenter, two members and the room.
    for (const page of everyone())
      await page.locator('[data-testid="presence-count"][data-count="4"]').waitFor();
    for (const page of [an, binh])
      expect(await page.getByTestId('live-session-title').innerText()).toBe(
        'Quán triệt Nghị quyết Trung ương 10',
      );
  });

  it('converts a PDF and a PowerPoint deck, with speaker notes, and shows them everywhere', async () => {
    const input = presenter.getByTestId('deck-upload-input');
    await input.setInputFiles(join(fixtures, 'deck.pdf'));
    await presenter.locator('[data-testid="deck-row"]').first().waitFor();
    await input.setInputFiles({
      name: 'bai-giang.pptx',
      mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      buffer: readFileSync(join(fixtures, 'deck.pptx')),
    });
    const ready = presenter.locator('[data-testid="deck-row"][data-status="ready"]');
    await ready.nth(1).waitFor({ timeout: 60_000 });
    for (const row of await presenter.getByTestId('deck-row').all()) {
      const kind = (await row.innerText()).includes('PPTX') ? 'pptx' : 'pdf';
      decks[kind] = (await row.getAttribute('data-deck-id'))!;
    }
    expect(decks.pdf).not.toBe('');
    expect(decks.pptx).not.toBe('');

    // The PowerPoint deck on screen: its first page everywhere, the next page and the notes for the presenter.
    await presenter.locator(`[data-deck-id="${decks.pptx}"] [data-testid="deck-show"]`).click();
    for (const page of everyone()) await expectSlide(page, decks.pptx, 1);
    await expectSlide(presenter, decks.pptx, 2, 'next-slide-image');
    await presenter.getByTestId('speaker-notes-text').filter({ hasText: 'cho trang 1' }).waitFor();

    // The PDF deck shows as well.
    await presenter.locator(`[data-deck-id="${decks.pdf}"] [data-testid="deck-show"]`).click();
    for (const page of everyone()) await expectSlide(page, decks.pdf, 1);
  });

  it('moves the slides with a clicker key and the buttons, everywhere at once', async () => {
    await presenter.locator(`[data-deck-id="${decks.pptx}"] [data-testid="deck-show"]`).click();
    for (const page of everyone()) await expectSlide(page, decks.pptx, 1);
    // Presentation clickers send PageDown.
    await presenter.locator('body').click({ position: { x: 5, y: 5 } });
    await presenter.keyboard.press('PageDown');
    for (const page of everyone()) await expectSlide(page, decks.pptx, 2);
    await presenter.getByTestId('speaker-notes-text').filter({ hasText: 'cho trang 2' }).waitFor();
    await presenter.getByTestId('slide-prev').click();
    for (const page of everyone()) await expectSlide(page, decks.pptx, 1);
    await presenter.getByTestId('slide-next').click();
    for (const page of everyone()) await expectSlide(page, decks.pptx, 2);
    expect(await an.getByTestId('slide-page-indicator').getAttribute('data-pages')).toBe('3');

    // The presenter's pointer over the slide shows on the room's screen, and goes when the mouse leaves.
    const frame = presenter.getByTestId('slide-image-frame').first();
    const box = (await frame.boundingBox())!;
    await presenter.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
    await presenter.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.5, { steps: 4 });
    const pointer = site.getByTestId('slide-pointer');
    await pointer.waitFor();
    // Throttled on the way, the pointer ends where the mouse stopped (three quarters across).
    await site.waitForFunction(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="slide-pointer"]');
      return !!el && Math.abs(parseFloat(el.style.left) - 75) < 1;
    });
    await presenter.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
    await pointer.waitFor({ state: 'detached' });
  });

  /** Prepares a single-choice poll in the launcher and opens it; returns its id. */
  async function launchPoll(question: string, options: [string, string]) {
    await presenter.getByTestId('poll-new').click();
    await presenter.getByTestId('poll-question-input').fill(question);
    await presenter.getByTestId('poll-option-input').nth(0).fill(options[0]);
    await presenter.getByTestId('poll-option-input').nth(1).fill(options[1]);
    await presenter.getByTestId('poll-save').click();
    const row = presenter.getByTestId('poll-row').filter({ hasText: question });
    await row.getByTestId('poll-open').click();
    const card = an.locator('[data-testid="poll-card"][data-status="open"]').filter({ hasText: question });
    await card.waitFor();
    return (await card.getAttribute('data-poll-id'))!;
  }

  it('counts a poll answered by both members and by the room’s show of hands', async () => {
    const pollId = await launchPoll('Đồng chí đã đọc toàn văn Nghị quyết chưa?', ['Đã đọc', 'Chưa đọc']);
    const answer = async (page: Page, option: string) => {
      const card = page.locator(`[data-testid="poll-card"][data-poll-id="${pollId}"]`);
      await card.locator(`[data-testid="poll-option"][data-option="${option}"]`).click();
      await card.getByTestId('poll-submit').click();
      await card.locator(`[data-testid="poll-my-answer"][data-answer="${option}"]`).waitFor();
    };
    await answer(an, 'a');
    await answer(binh, 'b');

    // The room counts raised hands: 12 have read it, 3 have not.
    const form = site.locator(`[data-testid="poll-card"][data-poll-id="${pollId}"]`);
    await form.locator('[data-testid="room-count-input"][data-option="a"]').fill('12');
    await form.locator('[data-testid="room-count-input"][data-option="b"]').fill('3');
    await form.getByTestId('room-count-submit').click();
    await form.getByTestId('room-count-sent').waitFor();

    // The presenter's live chart: devices and room counts, marked apart.
    const chart = presenter.locator(`[data-testid="poll-chart"][data-poll-id="${pollId}"]`);
    await chart.locator('[data-option="a"][data-count="13"]').waitFor();
    const bars = chart.getByTestId('poll-tally-bar');
    expect(await attrs(bars, 'data-devices')).toEqual(['1', '1']);
    expect(await attrs(bars, 'data-room')).toEqual(['12', '3']);
    expect(await attrs(bars, 'data-count')).toEqual(['13', '4']);

    // The same figures in the CSV export the organisers file (devices, room counts, total per option).
    const [download] = await Promise.all([
      presenter.waitForEvent('download'),
      presenter.getByTestId('poll-export-summary').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const line = (label: string) =>
      csv
        .split('\r\n')
        .find((l) => l.includes(label))!
        .split(',');
    expect(line('Đã đọc').slice(-5, -1)).toEqual(['Đã đọc', '1', '12', '13']);
    expect(line('Chưa đọc').slice(-5, -1)).toEqual(['Chưa đọc', '1', '3', '4']);

    // Shown to everyone, the members see the same tally.
    await presenter
      .locator(`[data-testid="poll-row"][data-poll-id="${pollId}"] [data-testid="poll-results-toggle"]`)
      .click();
    const memberChart = binh.locator(`[data-testid="poll-chart"][data-poll-id="${pollId}"]`);
    await memberChart.locator('[data-option="b"][data-count="4"]').waitFor();
    expect(await attrs(memberChart.getByTestId('poll-tally-bar'), 'data-count')).toEqual(['13', '4']);
  });

  it('queues raised hands in order and gives the floor', async () => {
    await binh.getByTestId('hand-topic-input').fill('Kiến nghị về tài liệu');
    await binh.getByTestId('hand-button').click();
    await binh.locator('[data-testid="hand-position"][data-position="1"]').waitFor();
    await site.getByTestId('hand-button').click();
    await site.locator('[data-testid="hand-position"][data-position="2"]').waitFor();
    await an.getByTestId('hand-button').click();
    await an.locator('[data-testid="hand-position"][data-position="3"]').waitFor();

    const queue = presenter.getByTestId('hand-row');
    await queue.nth(2).waitFor();
    const rows = await queue.allInnerTexts();
    expect(rows[0]).toContain('Phạm Thị Bình');
    expect(rows[0]).toContain('Kiến nghị về tài liệu');
    expect(rows[1]).toContain('Hội trường Thôn 1');
    expect(rows[2]).toContain('Nguyễn Văn An');
    expect(await attrs(queue, 'data-role')).toEqual(['member', 'site', 'member']);
    expect(await presenter.getByTestId('hand-waiting').first().innerText()).toMatch(/\d/);

    // The first in line gets the floor; the others move up.
    await queue.first().getByTestId('floor-grant').click();
    await binh.getByTestId('floor-banner').waitFor();
    await presenter.getByTestId('floor-row').filter({ hasText: 'Phạm Thị Bình' }).waitFor();
    await site.locator('[data-testid="hand-position"][data-position="1"]').waitFor();
    await presenter.getByTestId('floor-revoke').click();
    await binh.getByTestId('floor-banner').waitFor({ state: 'detached' });
  });

  it('lists questions by votes: an upvoted question rises', async () => {
    const ask = async (page: Page, text: string) => {
      await page.getByTestId('question-input').fill(text);
      await page.getByTestId('question-submit').click();
      await page.getByTestId('question-sent').waitFor();
    };
    await ask(an, 'Nghị quyết áp dụng cho chi bộ nông thôn thế nào?');
    await ask(binh, 'Khi nào có tài liệu hướng dẫn?');
    const texts = (page: Page) =>
      page.getByTestId('question-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    await presenter.getByTestId('question-row').nth(1).waitFor();
    expect((await texts(presenter))[0]).toContain('chi bộ nông thôn');

    // An upvotes Bình's question: it goes to the top for everyone.
    await an.getByTestId('question-row').nth(1).waitFor();
    await an
      .getByTestId('question-row')
      .filter({ hasText: 'tài liệu hướng dẫn' })
      .getByTestId('question-upvote')
      .click();
    for (const page of [presenter, an, binh]) {
      await page.locator('[data-testid="question-row"][data-votes="1"]').first().waitFor();
      const order = await texts(page);
      expect(order[0]).toContain('tài liệu hướng dẫn');
      expect(order[1]).toContain('chi bộ nông thôn');
    }

    // The district room asks too, from its screen.
    await ask(site, 'Điểm cầu xin hỏi về kinh phí triển khai.');
    await presenter.getByTestId('question-row').filter({ hasText: 'kinh phí triển khai' }).waitFor();
  });

  it('brings a member whose network was cut up to date: the new slide and the new poll', async () => {
    await binhContext.setOffline(true);
    await binh.locator('[data-testid="connection-status"]:not([data-status="online"])').waitFor();

    await presenter.getByTestId('slide-next').click();
    await expectSlide(an, decks.pptx, 3);
    const pollId = await launchPoll('Đồng chí có đề xuất cách làm mới không?', ['Có', 'Không']);
    // Still offline: Bình's phone shows what it had.
    expect(await slide(binh, decks.pptx, 3).count()).toBe(0);
    expect(await binh.locator(`[data-poll-id="${pollId}"]`).count()).toBe(0);

    await binhContext.setOffline(false);
    await binh.locator('[data-testid="connection-status"][data-status="online"]').waitFor();
    await expectSlide(binh, decks.pptx, 3);
    const card = binh.locator(`[data-testid="poll-card"][data-poll-id="${pollId}"][data-status="open"]`);
    await card.waitFor();
    // And it can answer it.
    await card.locator('[data-testid="poll-option"][data-option="a"]').click();
    await card.getByTestId('poll-submit').click();
    await card.locator('[data-testid="poll-my-answer"][data-answer="a"]').waitFor();
  });

  it('gives the organiser a console with presence by branch (exact after a dropped connection) and the chat switch', async () => {
    const { context: organiserContext, page: organiser } = await open(desktop);
    await signIn(organiser, product.url, 'tochuc', password);
    await organiser.goto(`${product.url}/sessions/${sessionId}`);
    await organiser.getByTestId('open-live-room').click();
    await organiser.waitForURL(`${product.url}/live/${sessionId}/console`);

    // Both members (Bình back online) and the room screen, under their branch.
    await organiser
      .locator('[data-testid="presence-branch"][data-members="2"][data-sites="1"]')
      .filter({ hasText: 'Chi bộ Thôn 1' })
      .waitFor();
    expect(await organiser.getByTestId('presence-staff').innerText()).toContain('Lê Báo Cáo');
    // The console has what the presenter has: the slide on screen and the polls with their results.
    await expectSlide(organiser, decks.pptx, 3);
    expect(await organiser.getByTestId('poll-row').count()).toBe(2);

    // Chat reaches everyone until the organiser turns it off; then members no longer have it.
    await an.getByTestId('chat-input').fill('Chào các đồng chí Thôn 1');
    await an.getByTestId('chat-send').click();
    for (const page of [organiser, presenter, binh])
      await page.getByTestId('chat-row').filter({ hasText: 'Chào các đồng chí Thôn 1' }).waitFor();
    // The box follows the room's setting, so it turns off once the server has applied it.
    await organiser.getByTestId('chat-enabled-toggle').click();
    await organiser.locator('[data-testid="chat-enabled-toggle"]:not(:checked)').waitFor();
    await presenter.getByTestId('chat-off').waitFor();
    for (const page of [an, binh]) await page.getByTestId('chat-panel').waitFor({ state: 'detached' });

    // The console's own network drops while An leaves: back online, An is no longer listed.
    await organiserContext.setOffline(true);
    await organiser.locator('[data-testid="connection-status"]:not([data-status="online"])').waitFor();
    await an.close();
    // Left in the room: the presenter, Bình and the room screen.
    await presenter.locator('[data-testid="presence-count"][data-count="3"]').waitFor();
    await organiserContext.setOffline(false);
    await organiser.locator('[data-testid="connection-status"][data-status="online"]').waitFor();
    await organiser
      .locator('[data-testid="presence-branch"][data-members="1"][data-sites="1"]')
      .filter({ hasText: 'Chi bộ Thôn 1' })
      .waitFor({ timeout: 10_000 });
    expect(await organiser.getByTestId('presence-member').allTextContents()).toEqual(['Phạm Thị Bình']);
  });
});
