import type { Browser } from 'playwright-core';
import type { ApiClient } from '../support/api-client';
import { desktop, launchChromium, newContext, phone, storeSignIn } from '../support/browser';
import { addBranch, firstRun, type FirstRun } from '../support/first-run';
import { startMailpit, type Mailpit } from '../support/mailpit';
import { startProduct, type Product } from '../support/product';
import { readQr } from '../support/qr';

const PASSWORD = 'mat-khau-to-chuc';

describe('invitations: the e-mail arrives and its link opens the session; the paper slip opens the personal page', () => {
  let mailpit: Mailpit;
  let product: Product;
  let browser: Browser;
  let setup: FirstRun;
  let organiser: ApiClient;
  let branchId: string;
  let sessionId: string;

  beforeAll(async () => {
    mailpit = await startMailpit();
    product = await startProduct({ SMTP_URL: mailpit.smtpUrl, NOTIFY_POLL_MS: '300' });
    browser = await launchChromium();
    setup = await firstRun(product.url, {
      name: 'Đảng ủy Khối Cơ quan Tỉnh',
      code: 'DUK',
      password: PASSWORD,
    });
    organiser = setup.organiser;
    branchId = await addBranch(organiser, setup.rootId, { name: 'Chi bộ Phòng Đông', code: 'CB-DONG' });
    for (const member of [
      { fullName: 'Nguyễn Thị Hồng Nhung', email: 'nhung@example.vn' },
      { fullName: 'Trần Văn Đức', email: 'duc@example.vn' },
      { fullName: 'Lê Văn Ánh' },
    ])
      expect((await organiser.post('/members', { unitId: branchId, ...member })).status).toBe(201);
    const session = await organiser.post('/sessions', {
      title: 'Học tập Nghị quyết 57 về khoa học, công nghệ',
      startsAt: new Date(Date.now() + 2 * 24 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 24 * 3600_000 + 2 * 3600_000).toISOString(),
      hostUnitId: setup.rootId,
      invitedUnitIds: [branchId],
    });
    sessionId = session.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await mailpit?.stop();
  });

  it('the organiser sends the invitations and sees who is reached; the member opens the e-mailed link on a phone', async () => {
    const context = await newContext(browser, desktop);
    await storeSignIn(context, setup.auth);
    const page = await context.newPage();
    await page.goto(`${product.url}/sessions/${sessionId}`);
    await page.getByTestId('invitations-send').click();
    await page.getByTestId('confirm-submit').click();
    const branch = page.getByTestId('invitations-branch');
    // Invited 3, reached 2, sending 0, not reached 0, needs paper 1.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="invitations-branch"] td:nth-of-type(2)')?.textContent === '2',
    );
    expect((await branch.innerText()).replace(/\s+/g, ' ')).toContain('Chi bộ Phòng Đông');
    expect(await page.getByTestId('paper-member').innerText()).toContain('Lê Văn Ánh');
    await context.close();

    const [mail] = await mailpit.waitFor('nhung@example.vn');
    expect(mail!.Subject).toBe('Giấy mời: Học tập Nghị quyết 57 về khoa học, công nghệ');
    const link = /http:\/\/127\.0\.0\.1:\d+\/j\/\S+/.exec(mail!.Text)![0];
    const phoneContext = await newContext(browser, phone);
    const mobile = await phoneContext.newPage();
    await mobile.goto(link);
    await mobile.getByTestId('member-session-title').waitFor();
    expect(await mobile.getByTestId('member-session-title').innerText()).toBe(
      'Học tập Nghị quyết 57 về khoa học, công nghệ',
    );
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );
    await phoneContext.close();
  });

  it('prints a QR slip for the member without an address; scanning it opens their personal page', async () => {
    const sheet = await organiser.get(`/units/${branchId}/personal-links.html?paperOnly=true`);
    expect(sheet.status).toBe(200);
    const context = await newContext(browser, { viewport: { width: 794, height: 1123 } });
    const printed = await context.newPage();
    await printed.setContent(sheet.raw.toString('utf8'));
    const slips = printed.getByTestId('qr-slip');
    expect(await slips.count()).toBe(1);
    expect(await slips.innerText()).toContain('Lê Văn Ánh');
    const url = await readQr(await slips.locator('svg').screenshot());
    expect(url).toMatch(/\/p\/[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    await context.close();

    const phoneContext = await newContext(browser, phone);
    const mobile = await phoneContext.newPage();
    await mobile.goto(url!);
    await mobile.getByTestId('member-name').waitFor();
    expect(await mobile.getByTestId('member-name').innerText()).toBe('Lê Văn Ánh');
    expect(await mobile.getByTestId('member-session-list').innerText()).toContain('Học tập Nghị quyết 57');
    await phoneContext.close();
  });
});
