import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { until } from './until';

const root = join(__dirname, '..', '..');
export const mailpitBin = process.env.MAILPIT_BIN ?? join(root, '.tools', 'bin', 'mailpit');

export interface MailSummary {
  ID: string;
  Subject: string;
  To: { Address: string; Name: string }[];
  From: { Address: string; Name: string };
}

export interface Mail extends MailSummary {
  Text: string;
  HTML: string;
}

export interface Mailpit {
  /** Where the product sends: smtp://127.0.0.1:<port> */
  smtpUrl: string;
  apiUrl: string;
  process: ChildProcess;
  /** Every message received so far, newest first. */
  messages(): Promise<MailSummary[]>;
  message(id: string): Promise<Mail>;
  /** Waits for `count` messages to `address` and returns them in full. */
  waitFor(address: string, count?: number, timeoutMs?: number): Promise<Mail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on loopback (Mailpit, built by infra/mailpit/install.sh), with its HTTP API
 * to read what arrived. Nothing leaves the machine: no relay, no version check, no reverse DNS.
 */
export async function startMailpit(options: { allowedRecipients?: string } = {}): Promise<Mailpit> {
  if (!existsSync(mailpitBin))
    throw new Error(`no mailpit at ${mailpitBin}: run \`bash infra/ensure-tools.sh mailpit\``);
  const [smtpPort, httpPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'hallbridge-mailpit-'));
  let output = '';
  const child = spawn(
    mailpitBin,
    [
      '--smtp',
      `127.0.0.1:${smtpPort}`,
      '--listen',
      `127.0.0.1:${httpPort}`,
      '--database',
      join(dir, 'mail.db'),
      '--disable-version-check',
      '--smtp-disable-rdns',
      '--max',
      '0',
      '--quiet',
      // Recipients outside this pattern are refused with 550, as a real server refuses an unknown mailbox.
      ...(options.allowedRecipients ? ['--smtp-allowed-recipients', options.allowedRecipients] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const apiUrl = `http://127.0.0.1:${httpPort}/api/v1`;
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${apiUrl}${path}`);
    if (!res.ok) throw new Error(`mailpit ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  await until(
    () =>
      fetch(`${apiUrl}/messages`).then(
        (r) => r.ok,
        () => {
          if (child.exitCode !== null) throw new Error(`mailpit exited: ${output}`);
          return false;
        },
      ),
    (ok) => ok,
    30_000,
  );
  const messages = async () => (await get<{ messages: MailSummary[] }>('/messages?limit=500')).messages;
  const message = (id: string) => get<Mail>(`/message/${id}`);
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    apiUrl,
    process: child,
    messages,
    message,
    async waitFor(address, count = 1, timeoutMs = 20_000) {
      const to = (m: MailSummary) => m.To.some((t) => t.Address.toLowerCase() === address.toLowerCase());
      const found = await until(messages, (list) => list.filter(to).length >= count, timeoutMs);
      return Promise.all(found.filter(to).map((m) => message(m.ID)));
    },
    async clear() {
      await fetch(`${apiUrl}/messages`, { method: 'DELETE' });
    },
    async stop() {
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
