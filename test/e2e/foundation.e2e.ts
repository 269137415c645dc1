import type { Browser } from 'playwright-core';
import { desktop, launchChromium, newContext, phone, signIn } from '../support/browser';
import { addBranch, firstRun } from '../support/first-run';
import { startProduct, type Product } from '../support/product';

const goodRoster = [
  'STT,Họ và tên,Chi bộ,Chức vụ,Số điện thoại,Trạng thái',
  '1,Nguyễn Thị Hồng Nhung,CB-DONG,Bí thư,0912 345 601,Đang sinh hoạt',
  '2,Trần Văn Đức,CB-DONG,,0912345602,',
  '3,Lê Thị Ánh Tuyết,CB-TAY,,,Miễn sinh hoạt',
].join('\r\n');

const brokenRoster = [
  'Họ và tên,Chi bộ,Số điện thoại',
  'Phạm Văn Hùng,CB-DONG,0912345603',
  ',CB-DONG,',
  'Vũ Thị Mai,CB-NAM,123',
].join('\n');

const localInput = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

describe('foundation: an organiser prepares a study session, a member opens their link', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    // The organisation itself comes from the first-run setup (through the API here, to keep the test short).
    const { organiser, rootId } = await firstRun(product.url, {
      name: 'Đảng ủy Khối Cơ quan Tỉnh',
      code: 'DUK',
      password: 'mat-khau-to-chuc',
    });
    await addBranch(organiser, rootId, { name: 'Chi bộ Phòng Đông', code: 'CB-DONG' });
    await addBranch(organiser, rootId, { name: 'Chi bộ Phòng Tây', code: 'CB-TAY' });
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('signs in, imports a roster, sees the report of a broken file, invites a branch, and the member sees the session', async () => {
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    await signIn(page, product.url, 'tochuc', 'mat-khau-to-chuc');

    // A broken file: every problem is listed with its row and column, and nothing is imported.
    await page.goto(`${product.url}/roster`);
    await page.getByTestId('roster-import-open').click();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'loi.csv', mimeType: 'text/csv', buffer: Buffer.from(brokenRoster) });
    await page.getByTestId('import-failed').waitFor();
    const errorRows = page.getByTestId('import-error-row');
    expect(await errorRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual([
      '3',
      '4',
      '4',
    ]);
    expect(await page.getByTestId('import-errors').innerText()).toContain('CB-NAM');
    expect(await page.getByTestId('roster-row').count()).toBe(0);

    // A good file with Vietnamese names: preview, then import.
    await page.getByTestId('import-file').setInputFiles({
      name: 'danh-sach.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${goodRoster}`),
    });
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-success').waitFor();
    expect(await page.getByTestId('import-success').getAttribute('data-count')).toBe('3');
    await page.getByTestId('roster-row').nth(2).waitFor();
    const roster = await page.getByTestId('roster-table').innerText();
    for (const name of ['Nguyễn Thị Hồng Nhung', 'Trần Văn Đức', 'Lê Thị Ánh Tuyết'])
      expect(roster).toContain(name);

    // A session for tomorrow that invites the eastern branch.
    await page.goto(`${product.url}/sessions/new`);
    const start = new Date(Date.now() + 24 * 3600_000);
    start.setMinutes(0, 0, 0);
    await page.getByTestId('session-title').fill('Học tập Nghị quyết Trung ương 10');
    await page.getByTestId('session-topic').fill('Nghị quyết Hội nghị Trung ương lần thứ 10');
    await page.getByTestId('session-starts-at').fill(localInput(start));
    await page.getByTestId('session-ends-at').fill(localInput(new Date(start.getTime() + 2 * 3600_000)));
    await page.getByTestId('invite-CB-DONG').check();
    await page.getByTestId('session-submit').click();
    await page.getByTestId('session-detail').waitFor();
    expect(await page.getByTestId('session-detail-title').innerText()).toBe(
      'Học tập Nghị quyết Trung ương 10',
    );

    // Only the invited branch's members get links.
    await page.getByTestId('join-link-row').nth(1).waitFor();
    const links = page.getByTestId('join-link-row');
    expect(await links.count()).toBe(2);
    const nhung = links.filter({ hasText: 'Nguyễn Thị Hồng Nhung' });
    const link = await nhung.getByTestId('join-link-url').getAttribute('href');
    expect(link).toMatch(/\/j\/\S+/);
    await context.close();

    // The member opens the link on a phone.
    const phoneContext = await newContext(browser, phone);
    const mobile = await phoneContext.newPage();
    await mobile.goto(link!);
    await mobile.getByTestId('member-session-title').waitFor();
    expect(await mobile.getByTestId('member-session-title').innerText()).toBe(
      'Học tập Nghị quyết Trung ương 10',
    );
    expect(await mobile.locator('body').innerText()).toContain('Nghị quyết Hội nghị Trung ương lần thứ 10');
    const fitsPhone = await mobile.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth + 1,
    );
    expect(fitsPhone).toBe(true);
    await phoneContext.close();
  });

  it('signs an organiser out on every device from one of them', async () => {
    const [desk, laptop] = [await newContext(browser, desktop), await newContext(browser, desktop)];
    const [here, there] = [await desk.newPage(), await laptop.newPage()];
    await signIn(here, product.url, 'tochuc', 'mat-khau-to-chuc');
    await signIn(there, product.url, 'tochuc', 'mat-khau-to-chuc');
    await here.getByTestId('sign-out-everywhere').click();
    await here.getByTestId('confirm-submit').click();
    await here.waitForURL(/\/sign-in/);
    // The other device's token is retired too: its next page load asks it to sign in.
    await there.goto(`${product.url}/roster`);
    await there.getByTestId('sign-in-username').waitFor();
    await desk.close();
    await laptop.close();
  });

  it('refuses a tampered join link with a plain explanation', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await page.goto(`${product.url}/j/abc.def.ghi.jkl`);
    const error = page.getByTestId('join-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('TOKEN_INVALID');
    await context.close();
  });
});
