import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { newContext } from '../support/browser';
import { LiveTestClient } from '../support/live-client';
import { framesDecoded } from '../support/media-checks';
import { Lan } from '../support/netns';
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
} from './hall-network';

const run = promisify(execFile);

/**
 * `npm run stack` on the hall's server (PostgreSQL, Redis, two LiveKit nodes, two app instances,
 * the TLS front), reached from a phone and from a district room whose network drops all UDP.
 */
describe('the production-like stack on a real network (namespaces: hall server, phone, district room)', () => {
  let lan: Lan;
  let stackDir: string;
  let session: HallSession;
  let instances: string[];
  let presenter: Page;
  const browsers: Browser[] = [];
  const homes: string[] = [];
  const sockets: LiveTestClient[] = [];

  const stack = (command: 'up' | 'down') =>
    runOnHall(
      lan,
      ['infra/stack/stack.mjs', command, '--no-build'],
      { STACK_DIR: stackDir, PUBLIC_HOSTNAME: HALL_NAME, TLS_MODE: 'internal' },
      command === 'up' ? /HallBridge is running/ : /\[stack\] stopped/,
    );

  beforeAll(async () => {
    lan = await Lan.create(['hall', 'phone', 'district']);
    stackDir = `${lan.dir}/stack`;
    // The district room's network drops every UDP packet, both ways (TCP passes).
    await lan.firewall(
      'district',
      `table inet hb_district {
        chain in { type filter hook input priority 0; meta l4proto udp drop; }
        chain out { type filter hook output priority 0; meta l4proto udp drop; }
      }`,
    );
    await stack('up');
    const state = JSON.parse(readFileSync(`${stackDir}/stack.json`, 'utf8')) as { appUrls: string[] };
    instances = await Promise.all(state.appUrls.map((url) => lan.tunnel('hall', Number(new URL(url).port))));
    session = await hallSession(instances[0]!);
    const hallDevice = await trustingDevice(lan, 'hall');
    browsers.push(hallDevice.browser);
    homes.push(hallDevice.home);
    presenter = await openMedia(hallDevice.browser, session.presenter, `/live/${session.sessionId}/present`);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    for (const browser of browsers) await browser.close();
    if (lan && existsSync(`${stackDir}/stack.json`)) await (await stack('down')).stop();
    await lan?.close();
    homes.forEach(removeHome);
  });

  it('serves a member on a phone through the front, with the live room shared by both instances', async () => {
    expect(session.joinUrl).toMatch(new RegExp(`^https://${HALL_NAME}/j/`));
    const device = await trustingDevice(lan, 'phone');
    browsers.push(device.browser);
    homes.push(device.home);
    const context = await newContext(device.browser, phone390);
    await recordPeerConnections(context);
    const phone = await context.newPage();
    await phone.goto(session.joinUrl);
    await phone.waitForURL(/\/me\/sessions\//);
    await phone.goto(`https://${HALL_NAME}/live/${session.sessionId}`);
    await phone.getByTestId('device-check').waitFor();
    await phone.getByTestId('media-join').click();
    await phone.getByTestId('media-controls').waitFor();
    expect((await framesDecoded(phone.getByTestId('stage-main'))).width).toBeGreaterThan(0);
    expect(await presenter.getByTestId('media-controls').isVisible()).toBe(true);

    // A command sent to each instance directly reaches the phone, wherever the front put it.
    for (const instance of instances) {
      const socket = new LiveTestClient(instance, session.presenter.token);
      sockets.push(socket);
      expect((await socket.join(session.sessionId)).ok).toBe(true);
      expect(await socket.send('floor:grant', { key: session.memberKey, withCamera: false })).toMatchObject({
        ok: true,
      });
      await phone.getByTestId('floor-consent').waitFor();
      expect(await socket.send('floor:revoke', { key: session.memberKey })).toMatchObject({ ok: true });
      await phone.getByTestId('floor-consent').waitFor({ state: 'detached' });
    }
    const ice = await iceReport(phone);
    for (const remote of ice.remoteAddresses) expect(remote).toContain(` ${lan.hosts.hall!.ip}:`);
  });

  it('brings the hall to a district room whose network drops UDP (media over TCP)', async () => {
    const device = await trustingDevice(lan, 'district');
    browsers.push(device.browser);
    homes.push(device.home);
    const screen = await openMedia(device.browser, session.site, `/site/live/${session.sessionId}`);
    expect((await framesDecoded(screen.getByTestId('stage-main'))).width).toBeGreaterThan(0);
    const { selected } = await iceReport(screen);
    expect(selected.length).toBeGreaterThan(0);
    for (const pair of selected)
      expect(pair.local.endsWith('tcp') || pair.relayProtocol === 'tls').toBe(true);
  });

  it('stops everything it started', async () => {
    await (await stack('down')).stop();
    const { stdout } = await run('ip', ['netns', 'pids', lan.hosts.hall!.ns]);
    const left = stdout
      .split(/\s+/)
      .filter(Boolean)
      .map((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        } catch {
          return '';
        }
      })
      .filter((cmd) => /caddy|livekit|redis|postgres|main\.js/.test(cmd));
    expect(left).toEqual([]);
    expect(existsSync(`${stackDir}/stack.json`)).toBe(false);
  });
});
