import type { AuthResult, JoinResult } from '@hallbridge/contracts';
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, newContext, storeSignIn } from '../support/browser';
import { addBranch, firstRun } from '../support/first-run';
import { stop, type Lan } from '../support/netns';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const hour = 3600_000;

/** The name the hall's server is known by on the LAN (phones resolve it with --host-resolver-rules). */
export const HALL_NAME = 'hoitruong.hb';

/** A phone's screen: the narrowest common Android/iPhone width. */
export const phone390: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
};

export interface Running {
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs `args` (a script of the product) on the hall's machine until `ready` shows in its output. */
export async function runOnHall(
  lan: Lan,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 180_000,
): Promise<Running> {
  let output = '';
  const child = lan.spawn('hall', process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      HALLBRIDGE_NO_LIVEKIT_INSTALL: '1',
      HALLBRIDGE_NO_FRONT_INSTALL: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + timeoutMs;
  while (!ready.test(output)) {
    if (child.exitCode !== null)
      throw new Error(`${args.join(' ')} exited ${child.exitCode}: ${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not get ready: ${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { process: child, output: () => output, stop: () => stop(child) };
}

/** A browser on a machine of the LAN, which maps the hall's name to its address. */
export function browserOn(lan: Lan, host: string, home: string): Promise<Browser> {
  return launchChromium({
    executablePath: lan.chromiumOn(host),
    args: [`--host-resolver-rules=MAP ${HALL_NAME} ${lan.hosts.hall!.ip}`],
    // Chromium on Linux keeps the certificates a user trusts in $HOME/.pki/nssdb
    env: { HOME: home },
  });
}

/**
 * A device that trusts the hall as a person makes it do: the browser first refuses the HTTPS
 * address, downloads the root certificate over plain HTTP, the certificate is installed in the
 * browser's certificate store (certutil, what Chromium's certificate manager does), and the
 * browser is opened again.
 */
export async function trustingDevice(
  lan: Lan,
  host: string,
): Promise<{ browser: Browser; home: string; refused: string }> {
  const home = mkdtempSync(join(tmpdir(), `hb-dn-home-${host}-`));
  const first = await browserOn(lan, host, home);
  const page = await (await newContext(first)).newPage();
  const refused = await page.goto(`https://${HALL_NAME}/`).then(
    () => 'opened',
    (error: Error) => error.message,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.goto(`http://${HALL_NAME}/api/network/ca.crt`).catch(() => undefined),
  ]);
  const ca = join(home, 'hallbridge-ca.crt');
  await download.saveAs(ca);
  await first.close();
  const db = `sql:${join(home, '.pki', 'nssdb')}`;
  mkdirSync(join(home, '.pki', 'nssdb'), { recursive: true });
  await run('certutil', ['-d', db, '-N', '--empty-password']);
  await run('certutil', ['-d', db, '-A', '-n', 'HallBridge', '-t', 'C,,', '-i', ca]);
  return { browser: await browserOn(lan, host, home), home, refused };
}

export function removeHome(home: string | undefined): void {
  if (home) rmSync(home, { recursive: true, force: true });
}

/** Keeps every RTCPeerConnection a page makes, for iceReport(). */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const made: RTCPeerConnection[] = [];
    (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = made;
    const Original = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config);
        made.push(this);
      }
    } as typeof RTCPeerConnection;
  });
}

export interface IceReport {
  /** Every ICE server URL the page was given. */
  iceServers: string[];
  /** Every remote candidate the page heard of. */
  remoteAddresses: string[];
  /** The candidate pairs in use: how this device's media actually travels. */
  selected: { local: string; relayProtocol: string | null; remote: string }[];
}

/** What a page's peer connections were told and use (recordPeerConnections() first). */
export function iceReport(page: Page): Promise<IceReport> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs;
    const report = {
      iceServers: [] as string[],
      remoteAddresses: [] as string[],
      selected: [] as IceReport['selected'],
    };
    for (const pc of pcs) {
      for (const server of pc.getConfiguration().iceServers ?? [])
        report.iceServers.push(...([] as string[]).concat(server.urls));
      const stats = await pc.getStats();
      const byId = new Map<string, any>();
      stats.forEach((s) => byId.set(s.id, s));
      stats.forEach((s) => {
        if (s.type === 'remote-candidate')
          report.remoteAddresses.push(`${s.protocol} ${s.address}:${s.port}`);
        if (s.type === 'transport' && s.selectedCandidatePairId) {
          const pair = byId.get(s.selectedCandidatePairId);
          const local = byId.get(pair.localCandidateId);
          const remote = byId.get(pair.remoteCandidateId);
          report.selected.push({
            local: `${local.candidateType} ${local.protocol}`,
            relayProtocol: local.relayProtocol ?? null,
            remote: `${remote.protocol} ${remote.address}:${remote.port}`,
          });
        }
      });
    }
    return report;
  });
}

export interface HallSession {
  sessionId: string;
  memberKey: string;
  siteId: string;
  joinUrl: string;
  presenter: AuthResult;
  site: AuthResult;
  member: JoinResult;
}

/** An organisation with a presenter, a district room and a member invited to a session that is live. */
export async function hallSession(apiUrl: string): Promise<HallSession> {
  const { api, organiser, rootId } = await firstRun(apiUrl, {
    name: 'Tỉnh ủy Mạng Thật',
    code: 'TUMT',
    password: 'mat-khau-to-chuc',
  });
  const branchId = await addBranch(organiser, rootId, { name: 'Chi bộ Xã Miền Núi', code: 'CB-MN' });
  const presenter = await organiser.post('/users', {
    username: 'baocao',
    password: 'mat-khau-bao-cao',
    displayName: 'Trần Thị Báo Cáo',
    role: 'presenter',
    unitId: rootId,
  });
  const member = await organiser.post('/members', { fullName: 'Lê Văn Điện Thoại', unitId: branchId });
  const session = await organiser.post('/sessions', {
    title: 'Hội nghị qua mạng thật',
    startsAt: new Date(Date.now() - hour).toISOString(),
    endsAt: new Date(Date.now() + 2 * hour).toISOString(),
    hostUnitId: rootId,
    invitedUnitIds: [branchId],
    presenterIds: [presenter.body.id],
  });
  const sessionId = session.body.id as string;
  await organiser.post(`/sessions/${sessionId}/transitions`, { action: 'start' });
  const site = await organiser.post('/sites', { unitId: branchId, name: 'Hội trường Xã Miền Núi' });
  const links = (await organiser.get(`/sessions/${sessionId}/join-links`)).body as { url: string }[];
  const joinUrl = links[0]!.url;
  return {
    sessionId,
    memberKey: `m:${member.body.id}`,
    siteId: site.body.id,
    joinUrl,
    presenter: (
      await api.post<AuthResult>('/auth/login', { username: 'baocao', password: 'mat-khau-bao-cao' })
    ).body,
    site: (await api.post<AuthResult>('/auth/pair', { code: site.body.pairingCode })).body,
    member: (await api.post<JoinResult>('/auth/join', { token: joinUrl.split('/j/')[1] })).body,
  };
}

/** A page signed in as `auth` at `path` on the hall's HTTPS address, past the device check. */
export async function openMedia(
  browser: Browser,
  auth: AuthResult,
  path: string,
  options?: BrowserContextOptions,
): Promise<Page> {
  const context = await newContext(browser, options);
  await recordPeerConnections(context);
  await storeSignIn(context, auth);
  const page = await context.newPage();
  await page.goto(`https://${HALL_NAME}${path}`);
  await page.getByTestId('device-check').waitFor();
  await page.getByTestId('media-join').click();
  await page.getByTestId('media-controls').waitFor();
  return page;
}
