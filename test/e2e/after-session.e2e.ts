import type { JoinResult } from '@hallbridge/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { feedbackVi } from '../../libs/i18n/src/evaluation.vi';
import { programmesVi } from '../../libs/i18n/src/programmes.vi';
import type { ApiClient } from '../support/api-client';
import { launchChromium, newContext, phone, signIn } from '../support/browser';
import { addBranch, firstRun } from '../support/first-run';
import { startProduct, type Product } from '../support/product';

const PASSWORD = 'mat-khau-thu-nghiem';
const hour = 3600_000;
const at390 = { ...phone, viewport: { width: 390, height: 844 } };

/**
 * After the session, on 390 px phones: the secretary drafts the branch's action programme and puts
 * it out for comments, a member comments, the secretary adopts it and records progress; the
 * organiser opens the feedback survey, members answer it anonymously, and the results show only
 * from the third answer on.
 */
describe('after the session: action programme and feedback on a phone', () => {
  let product: Product;
  let browser: Browser;
  let api: ApiClient;
  let organiser: ApiClient;
  let sessionId: string;
  let presenterId: string;
  const links: { fullName: string; url: string }[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    const setup = await firstRun(product.url, {
      name: 'Đảng ủy Khối Cơ quan Tỉnh',
      code: 'DUK',
      password: PASSWORD,
    });
    api = setup.api;
    organiser = setup.organiser;
    const branchId = await addBranch(organiser, setup.rootId, { name: 'Chi bộ Phòng Đông', code: 'CB-DONG' });
    await organiser.post('/users', {
      username: 'bithu',
      password: PASSWORD,
      displayName: 'Trần Thị Bí',
      role: 'secretary',
      unitId: branchId,
    });
    const presenter = await organiser.post('/users', {
      username: 'baocao',
      password: PASSWORD,
      displayName: 'Lê Báo Cáo',
      role: 'presenter',
      unitId: setup.rootId,
    });
    presenterId = presenter.body.id;
    await organiser.upload(
      `/members/import?unitId=${branchId}`,
      'ds.csv',
      'Họ và tên\nNguyễn Thị Hồng Nhung\nTrần Văn Đức\nLê Thị Mai\n',
      'text/csv',
    );
    const session = await organiser.post('/sessions', {
      title: 'Học tập Nghị quyết 57',
      startsAt: new Date(Date.now() - 3 * hour).toISOString(),
      endsAt: new Date(Date.now() - hour).toISOString(),
      hostUnitId: setup.rootId,
      invitedUnitIds: [branchId],
      presenterIds: [presenterId],
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    links.push(...(await organiser.get(`/sessions/${sessionId}/join-links`)).body);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await product?.stop();
  });

  async function phonePage(): Promise<Page> {
    const context = await newContext(browser, at390);
    contexts.push(context);
    return context.newPage();
  }

  const linkOf = (fullName: string) => links.find((l) => l.fullName === fullName)!.url;

  /** A member signed in through their join link, on their session page. */
  async function memberPage(fullName: string): Promise<Page> {
    const page = await phonePage();
    await page.goto(linkOf(fullName));
    await page.waitForURL(/\/me\/sessions\//);
    return page;
  }

  async function memberApi(fullName: string): Promise<ApiClient> {
    const token = linkOf(fullName).split('/j/')[1]!;
    const joined = await api.post<JoinResult>('/auth/join', { token });
    expect(joined.status).toBe(200);
    return api.as(joined.body.token);
  }

  it('lets the secretary draft the programme, a member comment on it, and the secretary adopt it', async () => {
    const secretary = await phonePage();
    await signIn(secretary, product.url, 'bithu', PASSWORD);
    await secretary.goto(`${product.url}/sessions/${sessionId}`);
    await secretary.getByTestId('open-programmes').click();
    const row = secretary.locator('[data-testid="programmes-row"][data-unit="Chi bộ Phòng Đông"]');
    expect(await row.getByTestId('programme-state').getAttribute('data-state')).toBe('none');
    await row.getByTestId('programmes-open').click();
    await secretary.getByTestId('programme-page').waitFor();

    const due = new Date(Date.now() + 30 * 24 * hour).toISOString().slice(0, 10);
    for (const [title, owner] of [
      ['Tổ chức sinh hoạt chuyên đề về Nghị quyết 57', 'Đồng chí Bí thư'],
      ['Đăng ký việc làm cụ thể của từng đảng viên', 'Các đảng viên'],
    ]) {
      const before = await secretary.getByTestId('programme-action').count();
      await secretary.getByTestId('programme-action-title').fill(title!);
      await secretary.getByTestId('programme-action-owner').fill(owner!);
      await secretary.getByTestId('programme-action-due').fill(due);
      await secretary.getByTestId('programme-action-add').click();
      await secretary.getByTestId('programme-action').nth(before).waitFor();
    }
    expect(await secretary.getByTestId('programme-state').getAttribute('data-state')).toBe('draft');
    await secretary.getByTestId('programme-open').click();
    await secretary.locator('[data-testid="programme-state"][data-state="open"]').waitFor();

    // The member finds the programme on their session page and comments on it.
    const member = await memberPage('Nguyễn Thị Hồng Nhung');
    await member.getByTestId('open-programme').waitFor();
    // Their personal page lists it too, among what is left to do after their sessions.
    await member.goto(`${product.url}/me`);
    await member
      .locator('[data-testid="me-after-session"][data-session="Học tập Nghị quyết 57"]')
      .getByTestId('me-open-programme')
      .click();
    await member.getByTestId('member-programme').waitFor();
    expect(await member.getByTestId('programme-action').allInnerTexts()).toEqual([
      expect.stringContaining('Tổ chức sinh hoạt chuyên đề về Nghị quyết 57'),
      expect.stringContaining('Đăng ký việc làm cụ thể của từng đảng viên'),
    ]);
    expect(await member.getByTestId('programme-action-status').count()).toBe(0);
    await member
      .getByTestId('programme-comment-body')
      .fill('Đề nghị bổ sung thời hạn đăng ký trước ngày 15.');
    await member.getByTestId('programme-comment-send').click();
    await member.getByTestId('programme-comment').filter({ hasText: 'trước ngày 15' }).waitFor();
    expect(await member.getByTestId('programme-comment').innerText()).toContain('Nguyễn Thị Hồng Nhung');

    // The secretary reads it, adopts the programme, and later marks the first action done.
    await secretary.reload();
    await secretary.getByTestId('programme-comment').filter({ hasText: 'trước ngày 15' }).waitFor();
    await secretary.getByTestId('programme-adopt').click();
    await secretary.getByTestId('confirm-submit').click();
    await secretary.getByTestId('programme-adopted').waitFor();
    await secretary.getByTestId('programme-why').fill('Báo cáo kết quả tháng 12');
    await secretary
      .getByTestId('programme-action')
      .first()
      .getByTestId('programme-action-status')
      .selectOption('done');
    await secretary.locator('[data-testid="programme-progress"][data-done="1"]').waitFor();
    expect(await secretary.getByTestId('programme-progress').innerText()).toBe(
      programmesVi.edit.progress
        .replace('{{done}}', '1')
        .replace('{{total}}', '2')
        .replace('{{overdue}}', '0'),
    );

    // The member can no longer comment; the overview shows the branch adopted with its progress.
    await member.reload();
    await member.getByTestId('member-programme').waitFor();
    expect(await member.getByTestId('programme-comment-body').count()).toBe(0);
    expect(await member.getByTestId('programme-state').getAttribute('data-state')).toBe('adopted');
    await secretary
      .getByText(programmesVi.overview.title.replace('{{title}}', 'Học tập Nghị quyết 57'))
      .click();
    const adopted = secretary.locator('[data-testid="programmes-row"][data-unit="Chi bộ Phòng Đông"]');
    await adopted.locator('[data-testid="programme-state"][data-state="adopted"]').waitFor();

    // The change after adoption is in the audit log with its reason.
    const audit = await organiser.get(`/audit?sessionId=${sessionId}&entityType=programme`);
    const changed = (audit.body as { action: string; reason: string | null }[]).find(
      (e) => e.action === 'programme.action_changed',
    );
    expect(changed?.reason).toBe('Báo cáo kết quả tháng 12');
  });

  it('opens the anonymous survey, takes answers on a phone and shows results from the third', async () => {
    const desk = await newContext(browser, { viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    contexts.push(desk);
    const org = await desk.newPage();
    await signIn(org, product.url, 'tochuc', PASSWORD);
    await org.goto(`${product.url}/sessions/${sessionId}`);
    await org.getByTestId('open-feedback').click();
    await org.getByTestId('feedback-create-default').click();
    await org.locator('[data-testid="feedback-template"] option').first().waitFor({ state: 'attached' });
    await org.getByTestId('feedback-open').click();
    await org.getByTestId('feedback-survey').waitFor();

    // Two members answer (through the API), which is not yet enough to show anything.
    for (const [name, clarity, text] of [
      ['Trần Văn Đức', 4, 'Cần thêm thời gian thảo luận'],
      ['Lê Thị Mai', 5, ''],
    ] as const) {
      const client = await memberApi(name);
      const sent = await client.post(`/sessions/${sessionId}/feedback/answers`, {
        answers: { clarity: { [presenterId]: clarity }, discussion: 3, ...(text ? { change: text } : {}) },
      });
      expect(sent.status).toBe(201);
    }
    await org.reload();
    await org.getByTestId('feedback-hidden').waitFor();
    expect(await org.getByTestId('feedback-result').count()).toBe(0);

    // The third answers on a phone.
    const member = await memberPage('Nguyễn Thị Hồng Nhung');
    await member.getByTestId('open-feedback').click();
    await member.getByTestId('member-feedback').waitFor();
    expect(await member.getByText(feedbackVi.anonymous).count()).toBe(1);
    await member
      .getByTestId(`feedback-clarity-${presenterId}`)
      .getByLabel(feedbackVi.rating.replace('{{value}}', '3'), { exact: true })
      .check();
    await member
      .getByTestId('feedback-discussion')
      .getByLabel(feedbackVi.rating.replace('{{value}}', '2'), { exact: true })
      .check();
    await member.getByTestId('feedback-change').fill('Gửi tài liệu sớm hơn');
    await member.getByTestId('feedback-send').click();
    await member.getByTestId('feedback-thanks').waitFor();
    await member.goto(`${product.url}/me/sessions/${sessionId}`);
    await member.getByTestId('feedback-answered').waitFor();
    expect(await member.getByTestId('open-feedback').count()).toBe(0);

    // Now the organiser reads the results: per presenter, per question, texts sorted.
    await org.reload();
    await org.getByTestId('feedback-results').waitFor();
    const clarity = org.locator('[data-testid="feedback-result"][data-question="clarity"]');
    expect(await clarity.locator('h3').textContent()).toBe(
      `${feedbackVi.defaultTemplate.clarity} — ${feedbackVi.about.replace('{{name}}', 'Lê Báo Cáo')}`,
    );
    expect(await clarity.getByTestId('feedback-mean').innerText()).toBe(
      feedbackVi.manage.mean.replace('{{mean}}', '4').replace('{{count}}', '3'),
    );
    const discussion = org.locator('[data-testid="feedback-result"][data-question="discussion"]');
    expect(await discussion.getByTestId('feedback-mean').innerText()).toBe(
      feedbackVi.manage.mean.replace('{{mean}}', '2,67').replace('{{count}}', '3'),
    );
    const change = org.locator('[data-testid="feedback-result"][data-question="change"]');
    expect(await change.locator('li').allInnerTexts()).toEqual([
      'Cần thêm thời gian thảo luận',
      'Gửi tài liệu sớm hơn',
    ]);

    // The presenter's own page across sessions (organisers).
    await clarity.getByRole('link').click();
    await org.getByTestId('presenter-feedback').waitFor();
    expect(await org.getByTestId('presenter-feedback').textContent()).toContain('Học tập Nghị quyết 57');
  });
});
