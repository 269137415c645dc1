import { execFile, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Host {
  name: string;
  /** The network namespace standing for this machine. */
  ns: string;
  ip: string;
}

/**
 * Machines on one LAN, each a Linux network namespace with one veth into a bridge (in a namespace
 * of its own, the "switch"). Addresses exist only inside the namespaces, there is no default route,
 * and nothing reaches the real network. Names carry `hb-dn-<random>` so parallel runs never meet.
 */
export class Lan {
  readonly hosts: Record<string, Host> = {};
  readonly dir = mkdtempSync(join(tmpdir(), 'hb-dn-'));
  private readonly children: ChildProcess[] = [];
  private readonly servers: Server[] = [];

  private constructor(readonly prefix: string) {
    chmodSync(this.dir, 0o755); // services that drop root (PostgreSQL) keep state below it
  }

  /** `names` become hosts 10.77.0.1, .2, … in that order. */
  static async create(names: string[]): Promise<Lan> {
    const lan = new Lan(`hb-dn-${randomBytes(3).toString('hex')}`);
    try {
      const sw = `${lan.prefix}-sw`;
      await ip('netns', 'add', sw);
      await ip('-n', sw, 'link', 'add', 'br0', 'type', 'bridge');
      await ip('-n', sw, 'link', 'set', 'br0', 'up');
      for (const [i, name] of names.entries()) {
        const host = { name, ns: `${lan.prefix}-${name}`, ip: `10.77.0.${i + 1}` };
        await ip('netns', 'add', host.ns);
        await ip('-n', host.ns, 'link', 'set', 'lo', 'up');
        await ip(
          'link',
          'add',
          'eth0',
          'netns',
          host.ns,
          'type',
          'veth',
          'peer',
          'name',
          `p${i}`,
          'netns',
          sw,
        );
        await ip('-n', sw, 'link', 'set', `p${i}`, 'master', 'br0');
        await ip('-n', sw, 'link', 'set', `p${i}`, 'up');
        await ip('-n', host.ns, 'addr', 'add', `${host.ip}/24`, 'dev', 'eth0');
        await ip('-n', host.ns, 'link', 'set', 'eth0', 'up');
        lan.hosts[name] = host;
      }
    } catch (error) {
      await lan.close();
      throw error;
    }
    return lan;
  }

  /** Starts `command` on `host` (in its namespace); it is stopped by close() if still running. */
  spawn(host: string, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn('ip', ['netns', 'exec', this.hosts[host]!.ns, command, ...args], options);
    this.children.push(child);
    return child;
  }

  /** Runs `command` on `host` to completion and returns its output. */
  async exec(host: string, command: string, args: string[]): Promise<string> {
    const { stdout } = await run('ip', ['netns', 'exec', this.hosts[host]!.ns, command, ...args]);
    return stdout;
  }

  /** Loads an nftables ruleset on `host` (a firewall of that machine). */
  async firewall(host: string, ruleset: string): Promise<void> {
    const file = join(this.dir, `${host}.nft`);
    writeFileSync(file, ruleset);
    await this.exec(host, 'nft', ['-f', file]);
  }

  /**
   * An executable that runs Chromium on `host`, for playwright's executablePath (playwright talks
   * to the browser over a pipe, which crosses namespaces).
   */
  chromiumOn(host: string, chromium = '/usr/bin/chromium'): string {
    const file = join(this.dir, `chromium-${host}`);
    writeFileSync(file, `#!/bin/sh\nexec ip netns exec ${this.hosts[host]!.ns} ${chromium} "$@"\n`);
    chmodSync(file, 0o755);
    return file;
  }

  /**
   * A loopback URL in the test's own namespace that reaches `port` on `host`'s loopback (through a
   * Unix socket, which crosses namespaces): the test sets things up through the API as an operator
   * on the server itself would, without giving the test's namespace an address on the LAN.
   */
  async tunnel(host: string, port: number): Promise<string> {
    const socket = join(this.dir, `${host}-${port}.sock`);
    const relay = `require('net').createServer((c) => { const u = require('net').connect(${port}, '127.0.0.1');
      c.pipe(u).pipe(c); c.on('error', () => u.destroy()); u.on('error', () => c.destroy()); }).listen(${JSON.stringify(socket)});`;
    const child = this.spawn(host, process.execPath, ['-e', relay], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(await connects(socket))) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`tunnel into ${host} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const server = createServer((client) => {
      const upstream = createConnection(socket);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  /** Stops what was started, then deletes every namespace (and with them the veths and rulesets). */
  async close(): Promise<void> {
    for (const server of this.servers) server.close();
    await Promise.all(this.children.map((child) => stop(child)));
    const { stdout } = await run('ip', ['netns', 'list']);
    for (const line of stdout.split('\n')) {
      const ns = line.split(' ')[0];
      if (!ns?.startsWith(`${this.prefix}-`)) continue;
      // anything still running in it is ours (started there by this test): end it by its pid
      const pids = await run('ip', ['netns', 'pids', ns]).then((r) => r.stdout.split(/\s+/).filter(Boolean));
      for (const pid of pids) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      await ip('netns', 'del', ns).catch(() => undefined);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function ip(...args: string[]): Promise<void> {
  await run('ip', args);
}

function connects(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(path, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** SIGTERM, then SIGKILL after 15 s; resolves when the process is gone. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(kill);
}
