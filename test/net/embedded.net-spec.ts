import type { Browser, Page } from 'playwright-core';
import { newContext } from '../support/browser';
import { LiveTestClient } from '../support/live-client';
import { framesDecoded, heardNewVoice, markAudioElements } from '../support/media-checks';
import { Lan } from '../support/netns';
import { readQr } from '../support/qr';
import {
  HALL_NAME,
  hallSession,
  iceReport,
  openMedia,
  phone390,
  recordPeerConnections,
  removeHome,
  runOnHall,
  trustingDevice,
  type HallSession,
  type Running,
} from './hall-network';

/**
 * `npm start` on the hall's server, reached as a real network: a phone on the LAN and a district
 * room whose firewall lets only HTTPS out (no UDP, no other TCP port).
 */
describe('the embedded default on a real network (namespaces: hall server, phone, district room)', () => {
  let lan: Lan;
  let hall: Running;
  let session: HallSession;
  let apiUrl: string;
  let presenter: Page;
  let phoneDevice: Browser;
  let refusedAtFirst: string;
  let firstRunPage: Page;
  const browsers: Browser[] = [];
  const homes: string[] = [];
  const sockets: LiveTestClient[] = [];

  beforeAll(async () => {
    lan = await Lan.create(['hall', 'phone', 'district']);
    // The district's firewall: nothing but HTTP and HTTPS leaves the room (a provincial WAN that
    // blocks UDP and every other port), so media can only come through TURN/TLS on 443.
    await lan.firewall(
      'district',
      `table inet hb_district {
        chain in {
          type filter hook input priority 0; policy drop;
          iif "lo" accept
          meta l4proto udp drop
          ct state established,related accept
        }
        chain out {
          type filter hook output priority 0; policy drop;
          oif "lo" accept
          meta l4proto udp drop
          ct state established,related accept
          tcp dport { 80, 443 } accept
        }
      }`,
    );
    hall = await runOnHall(
      lan,
      ['scripts/start.mjs', '--no-build'],
      { DATA_DIR: `${lan.dir}/hall-data`, PORT: '3000', PUBLIC_HOSTNAME: HALL_NAME, TLS_MODE: 'internal' },
      /HallBridge is running/,
    );
    apiUrl = await lan.tunnel('hall', 3000);
    const device = await trustingDevice(lan, 'phone');
    browsers.push((phoneDevice = device.browser));
    homes.push(device.home);
    refusedAtFirst = device.refused;
    // The organiser's first visit, before anything is set up, from a phone.
    firstRunPage = await (await newContext(phoneDevice, phone390)).newPage();
    await firstRunPage.goto(`https://${HALL_NAME}/setup`);
    await firstRunPage.getByTestId('trust-certificate').waitFor();
    session = await hallSession(apiUrl);
    // The presenter's PC in the hall, on the LAN like everyone else.
    const hallDevice = await trustingDevice(lan, 'hall');
    browsers.push(hallDevice.browser);
    homes.push(hallDevice.home);
    presenter = await openMedia(hallDevice.browser, session.presenter, `/live/${session.sessionId}/present`);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    for (const browser of browsers) await browser.close();
    await hall?.stop();
    await lan?.close();
    homes.forEach(removeHome);
  });

  it('says at start-up which address to open and how to trust it, and links carry that address', async () => {
    expect(hall.output()).toContain(`https://${HALL_NAME}\n`);
    expect(hall.output()).toContain(`http://${HALL_NAME}/api/network/ca.crt`);
    expect(session.joinUrl).toMatch(new RegExp(`^https://${HALL_NAME}/j/`));
  });

  it("offers the local CA on the first-run page and in the organiser's settings, with the printed fingerprint", async () => {
    const printed = hall.output().match(/SHA-256 ([0-9A-F:]{95})/)?.[1];
    expect(printed).toBeDefined();
    await screenshot(firstRunPage, 'first-run');
    expect(await firstRunPage.getByTestId('trust-certificate-fingerprint').innerText()).toBe(printed);
    expect(await firstRunPage.getByTestId('trust-certificate-plain').innerText()).toBe(
      `http://${HALL_NAME}/api/network/ca.crt`,
    );
    const settings = await (await newContext(phoneDevice, phone390)).newPage();
    await settings.goto(`https://${HALL_NAME}/sign-in`);
    await settings.getByTestId('sign-in-username').fill('tochuc');
    await settings.getByTestId('sign-in-password').fill('mat-khau-to-chuc');
    await settings.getByTestId('sign-in-submit').click();
    await settings.waitForURL(/\/sessions/);
    await settings.goto(`https://${HALL_NAME}/settings/connection`);
    expect(await settings.getByTestId('connection-public-url').innerText()).toBe(`https://${HALL_NAME}`);
    expect(await settings.getByTestId('trust-certificate-fingerprint').innerText()).toBe(printed);
    await settings.getByTestId('trust-steps-android').locator('summary').click();
    await screenshot(settings, 'settings-connection');
    // The download is the certificate itself.
    const [download] = await Promise.all([
      settings.waitForEvent('download'),
      settings.getByTestId('trust-certificate-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('hallbridge-ca.crt');
  });

  it('lets a member on a phone join by link with camera and microphone, see the hall, and be heard', async () => {
    expect(refusedAtFirst).toContain('ERR_CERT_AUTHORITY_INVALID');
    // The member opens the personal link on the phone (390 px wide): a secure context.
    const context = await newContext(phoneDevice, phone390);
    await recordPeerConnections(context);
    const phone = await context.newPage();
    await phone.goto(session.joinUrl);
    await phone.waitForURL(/\/me\/sessions\//);
    expect(await phone.evaluate(() => window.isSecureContext)).toBe(true);
    await phone.goto(`https://${HALL_NAME}/live/${session.sessionId}`);
    await phone.getByTestId('device-check').waitFor();
    await phone.getByTestId('media-join').click();
    await phone.getByTestId('media-controls').waitFor();

    // The hall's video arrives on the phone.
    expect((await framesDecoded(phone.getByTestId('stage-main'))).width).toBeGreaterThan(0);

    // Given the floor, the member is heard in the hall.
    await markAudioElements(presenter);
    const socket = new LiveTestClient(apiUrl, session.presenter.token);
    sockets.push(socket);
    expect((await socket.join(session.sessionId)).ok).toBe(true);
    expect(await socket.send('floor:grant', { key: session.memberKey, withCamera: true })).toMatchObject({
      ok: true,
    });
    await phone.getByTestId('floor-consent').waitFor();
    await phone.getByTestId('floor-speak').click();
    await phone.getByTestId('floor-speaking').waitFor();
    const heard = await heardNewVoice(presenter);
    expect(heard).toMatchObject({ state: 'live' });

    // Nothing the phone was told points anywhere but the hall: no public STUN, no loopback.
    const ice = await iceReport(phone);
    const hallIp = lan.hosts.hall!.ip;
    expect(ice.iceServers.length).toBeGreaterThan(0);
    for (const url of ice.iceServers) expect(url).toMatch(new RegExp(`^turns?:(${HALL_NAME}|${hallIp})[:?]`));
    for (const remote of ice.remoteAddresses) expect(remote).toContain(` ${hallIp}:`);
    expect(ice.selected.length).toBeGreaterThan(0);
    await screenshot(phone, 'phone-live');
    await context.close();
  });

  it('brings the hall to a district room whose network lets only HTTPS through (TURN/TLS on 443)', async () => {
    const device = await trustingDevice(lan, 'district');
    browsers.push(device.browser);
    homes.push(device.home);
    const screen = await openMedia(device.browser, session.site, `/site/live/${session.sessionId}`);
    expect((await framesDecoded(screen.getByTestId('stage-main'))).width).toBeGreaterThan(0);
    const ice = await iceReport(screen);
    expect(ice.selected.some((pair) => pair.local.startsWith('relay') && pair.relayProtocol === 'tls')).toBe(
      true,
    );

    // The room's check-in QR code, decoded from the picture on the screen, carries the hall's address.
    // Read from a screenshot, as a phone's camera would: the product's CSP rightly refuses injected scripts.
    const qr = await readQr(await screen.getByTestId('check-in-code').locator('img').first().screenshot());
    expect(qr).toMatch(new RegExp(`^https://${HALL_NAME}/checkin/`));
  });

  it('sends a plain-HTTP visit, to the front or to the app port, to the HTTPS address', async () => {
    // A browser that has not been here yet: once it has, HSTS makes it upgrade every http:// visit to
    // this host itself (the app port too, which speaks no TLS), so the app port is visited first.
    const page = await (await newContext(phoneDevice, phone390)).newPage();
    await page.goto(`http://${HALL_NAME}:3000/sign-in`);
    expect(page.url()).toBe(`https://${HALL_NAME}/sign-in`);
    const secure = await page.goto(`http://${HALL_NAME}/sessions`);
    expect(page.url()).toBe(`https://${HALL_NAME}/sessions`);
    expect(await secure!.headerValue('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.HB_NET_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.HB_NET_SCREENSHOTS}/${name}.png`, fullPage: true });
}
