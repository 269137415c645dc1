import type { Browser, Page } from 'playwright-core';
import { reflectionsVi } from '../../libs/i18n/src/reflections.vi';
import type { ApiClient } from '../support/api-client';
import { desktop, launchChromium, newContext, phone, signIn } from '../support/browser';
import { addBranch, firstRun } from '../support/first-run';
import { startProduct, type Product } from '../support/product';

const PASSWORD = 'mat-khau-thu-nghiem';
const hour = 3600_000;

describe('reflections: written on a phone through a dropped connection, graded by the secretary', () => {
  let product: Product;
  let browser: Browser;
  let organiser: ApiClient;
  let sessionId: string;
  let joinLink: string;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    const setup = await firstRun(product.url, {
      name: 'Đảng ủy Khối Cơ quan Tỉnh',
      code: 'DUK',
      password: PASSWORD,
    });
    organiser = setup.organiser;
    const branchId = await addBranch(organiser, setup.rootId, { name: 'Chi bộ Phòng Đông', code: 'CB-DONG' });
    await organiser.post('/users', {
      username: 'bithu',
      password: PASSWORD,
      displayName: 'Trần Thị Bí',
      role: 'secretary',
      unitId: branchId,
    });
    await organiser.upload(
      `/members/import?unitId=${branchId}`,
      'ds.csv',
      'Họ và tên\nNguyễn Thị Hồng Nhung\n',
      'text/csv',
    );
    const session = await organiser.post('/sessions', {
      title: 'Học tập Nghị quyết 57',
      startsAt: new Date(Date.now() - 2 * hour).toISOString(),
      endsAt: new Date(Date.now() - hour).toISOString(),
      hostUnitId: setup.rootId,
      invitedUnitIds: [branchId],
    });
    sessionId = session.body.id;
    const put = await organiser.request('PUT', `/sessions/${sessionId}/reflections/settings`, {
      deadline: new Date(Date.now() + 48 * hour).toISOString(),
      questions: ['Nghị quyết gợi cho đồng chí việc gì cần làm ngay?'],
      minWords: 12,
      gradeScale: [
        { key: 'good', label: 'Tốt', passing: true },
        { key: 'pass', label: 'Đạt', passing: true },
        { key: 'fail', label: 'Chưa đạt', passing: false },
      ],
    });
    expect(put.status).toBe(200);
    joinLink = (await organiser.get(`/sessions/${sessionId}/join-links`)).body[0].url;
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const status = (page: Page, kind: string) =>
    page.locator(`[data-testid="reflection-save-status"][data-status="${kind}"]`).waitFor();

  it('keeps what the member typed offline across a closed tab, submits it, and shows the grade', async () => {
    const context = await newContext(browser, { ...phone, viewport: { width: 390, height: 844 } });
    let page = await context.newPage();
    await page.goto(joinLink);
    await page.waitForURL(/\/me\/sessions\//);
    await page.getByTestId('open-reflection').click();
    const editor = page.getByTestId('reflection-editor');
    await editor.click();
    await page.keyboard.type('Tôi sẽ học tập nghị quyết');
    await status(page, 'saved');

    // The network drops mid-sentence: the rest is kept on the phone only.
    await context.setOffline(true);
    await page.keyboard.type(' và vận dụng vào công việc hằng ngày của chi bộ');
    await status(page, 'local');
    expect(await page.getByTestId('reflection-save-status').innerText()).toBe(
      reflectionsVi.write.status.local,
    );

    // The member closes the tab; later, back online, opens the page again.
    await page.close();
    await context.setOffline(false);
    page = await context.newPage();
    await page.goto(`${product.url}/me/sessions/${sessionId}/reflection`);
    await page.getByText(reflectionsVi.write.restored).waitFor();
    expect(await page.getByTestId('reflection-editor').innerText()).toBe(
      'Tôi sẽ học tập nghị quyết và vận dụng vào công việc hằng ngày của chi bộ',
    );
    await status(page, 'saved');
    expect(await page.getByTestId('reflection-words').innerText()).toBe('17 / 12 chữ');
    await page.getByTestId('reflection-submit').click();
    await page.locator('[data-testid="member-reflection"][data-state="submitted"]').waitFor();

    // The secretary reads it and grades it.
    const secretary = await (await newContext(browser, desktop)).newPage();
    await signIn(secretary, product.url, 'bithu', PASSWORD);
    await secretary.goto(`${product.url}/sessions/${sessionId}/reflections`);
    const row = secretary.locator('[data-testid="reflection-member"][data-member="Nguyễn Thị Hồng Nhung"]');
    await row.and(secretary.locator('[data-state="submitted"]')).waitFor();
    await row.getByTestId('reflection-open').click();
    expect(await secretary.getByTestId('reflection-review-body').innerText()).toContain(
      'hằng ngày của chi bộ',
    );
    await secretary.getByTestId('review-grade-good').check();
    await secretary.getByTestId('review-comment').fill('Liên hệ sát với công việc.');
    await secretary.getByTestId('review-save').click();
    await secretary.getByTestId('review-saved').waitFor();

    // The member sees the grade and can no longer edit.
    await page.reload();
    await page.locator('[data-testid="member-reflection"][data-state="graded"]').waitFor();
    expect(await page.getByTestId('reflection-grade').innerText()).toBe('Xếp loại: Tốt');
    expect(await page.getByTestId('reflection-comment').innerText()).toBe('Liên hệ sát với công việc.');
    expect(await page.getByTestId('reflection-editor').getAttribute('contenteditable')).toBe('false');
    await context.close();
  });
});
