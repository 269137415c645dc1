import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { attendanceVi } from '../../libs/i18n/src/attendance.vi';
import type { AuthResult } from '@hallbridge/contracts';
import type { ApiClient } from '../support/api-client';
import { desktop, launchChromium, newContext, phone, signIn, storeSignIn } from '../support/browser';
import { addBranch, firstRun } from '../support/first-run';
import { startProduct, type Product } from '../support/product';

const PASSWORD = 'mat-khau-thu-nghiem';

describe('attendance: a room check-in, an excused absence and the workbook', () => {
  let product: Product;
  let browser: Browser;
  let organiser: ApiClient;
  let sessionId: string;
  let siteAuth: AuthResult;
  const joinLinks = new Map<string, string>();

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    // The organisation, its roster and the room come through the API, to keep the test about attendance.
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
    const roster = 'Họ và tên\nNguyễn Thị Hồng Nhung\nTrần Văn Đức\n';
    const imported = await organiser.upload(
      `/members/import?unitId=${branchId}`,
      'ds.csv',
      roster,
      'text/csv',
    );
    expect(imported.body.imported).toBe(2);
    const site = await organiser.post('/sites', { unitId: branchId, name: 'Hội trường Phòng Đông' });
    siteAuth = (await setup.api.post('/auth/pair', { code: site.body.pairingCode })).body;
    const session = await organiser.post('/sessions', {
      title: 'Học tập Nghị quyết 57',
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      hostUnitId: setup.rootId,
      invitedUnitIds: [branchId],
    });
    sessionId = session.body.id;
    for (const link of (await organiser.get(`/sessions/${sessionId}/join-links`)).body as any[])
      joinLinks.set(link.fullName, link.url);
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const signInAs = (page: Page, username: string) => signIn(page, product.url, username, PASSWORD);

  it('checks a member in at the room from its code, lets the secretary excuse another, and exports the workbook', async () => {
    // The room's screen (already paired) shows its rotating check-in code.
    const screen = await (await newContext(browser, desktop)).newPage();
    await storeSignIn(screen, siteAuth);
    await screen.goto(`${product.url}/site/checkin/${sessionId}`);
    const code = screen.getByTestId('check-in-code');
    await code.waitFor();
    await screen.locator('[data-testid="site-check-in-status"][data-status="online"]').waitFor();
    expect(await screen.getByTestId('check-in-digits-shown').innerText()).toMatch(/^\d{6}$/);
    const scanned = (await code.getAttribute('data-url'))!;
    expect(scanned).toMatch(new RegExp(`^${product.url}/checkin/${sessionId}\\.`));

    // Nhung opens her personal link on her phone, then "scans" the code: the phone opens its URL.
    const phonePage = await (await newContext(browser, phone)).newPage();
    await phonePage.goto(joinLinks.get('Nguyễn Thị Hồng Nhung')!);
    await phonePage.waitForURL(/\/me\/sessions\//);
    await phonePage.goto(scanned);
    const done = phonePage.getByTestId('check-in-done');
    await done.waitFor();
    expect(await done.getAttribute('data-site')).toBe('Hội trường Phòng Đông');

    expect((await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' })).status).toBe(
      200,
    );

    // Minutes into the session, the secretary sees Nhung present so far at the room (half the
    // branch attending, not 0%) and Đức not arrived yet rather than absent; then excuses Đức (ill).
    const secretary = await (await newContext(browser, desktop)).newPage();
    await signInAs(secretary, 'bithu');
    await secretary.goto(`${product.url}/sessions/${sessionId}/attendance`);
    const nhung = secretary.locator(
      '[data-testid="attendance-member"][data-member="Nguyễn Thị Hồng Nhung"][data-status="present_site"]',
    );
    await nhung.waitFor();
    expect(await nhung.innerText()).toContain(attendanceVi.statusLive.present_site);
    expect(await secretary.getByTestId('attendance-rate').getAttribute('data-rate')).toBe('0.5');
    const duc = secretary.locator('[data-testid="attendance-member"][data-member="Trần Văn Đức"]');
    expect(await duc.getAttribute('data-status')).toBe('not_arrived');
    expect(await secretary.getByTestId('attendance-missing').innerText()).toContain(
      attendanceVi.status.not_arrived,
    );
    await duc.getByTestId('attendance-excuse-open').click();
    await secretary.getByTestId('excuse-reason').selectOption('illness');
    await secretary.getByTestId('excuse-why').fill('Giấy ốm ngày 12/3');
    await secretary.getByTestId('excuse-save').click();
    await secretary
      .locator('[data-testid="attendance-member"][data-member="Trần Văn Đức"][data-status="excused"]')
      .waitFor();
    expect(await duc.getByTestId('attendance-excuse').innerText()).toContain(attendanceVi.reasons.illness);
    expect(await secretary.getByTestId('attendance-excused').getAttribute('data-count')).toBe('1');

    // The organiser ends the session, closes attendance and downloads the workbook.
    expect((await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'end' })).status).toBe(200);
    const page = await (await newContext(browser, desktop)).newPage();
    await signInAs(page, 'tochuc');
    await page.goto(`${product.url}/sessions/${sessionId}/attendance`);
    await page.getByTestId('attendance-close_attendance').click();
    await page
      .getByTestId('confirm-dialog')
      .getByRole('button', { name: /Chốt điểm danh/ })
      .click();
    await page.locator('[data-testid="attendance-page"][data-locked="true"]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('attendance-export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      attendanceVi.export.summarySheet,
      'Chi bộ Phòng Đông',
      attendanceVi.export.intervalsSheet,
    ]);
    const sheet = book.getWorksheet('Chi bộ Phòng Đông')!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
    const col = (key: keyof typeof attendanceVi.export.columns) =>
      header.indexOf(attendanceVi.export.columns[key]);
    const rows: string[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1)
        rows.push([
          String(row.getCell(col('fullName')).value),
          String(row.getCell(col('status')).value),
          String(row.getCell(col('site')).value ?? ''),
          String(row.getCell(col('excuseReason')).value ?? ''),
        ]);
    });
    expect(rows.sort()).toEqual([
      ['Nguyễn Thị Hồng Nhung', attendanceVi.status.present_site, 'Hội trường Phòng Đông', ''],
      ['Trần Văn Đức', attendanceVi.status.excused, '', attendanceVi.reasons.illness],
    ]);
  });
});
