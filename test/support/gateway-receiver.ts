import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedMessage {
  id: string;
  channel: string;
  to: string;
  text: string;
  textAscii: string;
  locale: string;
  kind: string;
  link: string;
  sessionId: string;
  memberId: string;
}

export interface GatewayReceiver {
  url: string;
  secret: string;
  /** Messages accepted (signature good, fresh, answered 2xx), in arrival order. */
  accepted: ReceivedMessage[];
  /** Every request and what it was answered. */
  requests: { status: number; reason: string; messageId: string | null }[];
  /** The next `n` well-signed requests are answered with `status` (a provider having trouble). */
  failNext(n: number, status: number): void;
  close(): Promise<void>;
}

/**
 * A stand-in for an SMS/Zalo provider written from docs/api.md ("Message gateway"), not from the
 * product's code: it recomputes HMAC-SHA256 over "<timestamp>.<body>" with the shared secret,
 * refuses a stale timestamp (replay) or a bad signature with 401, and answers 200 {id}.
 */
export async function startGatewayReceiver(secret: string): Promise<GatewayReceiver> {
  const accepted: ReceivedMessage[] = [];
  const requests: GatewayReceiver['requests'] = [];
  let failures: { left: number; status: number } = { left: 0, status: 503 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = (status: number, reason: string, payload: unknown = { error: reason }) => {
        requests.push({
          status,
          reason,
          messageId: (req.headers['x-hallbridge-message-id'] as string) ?? null,
        });
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload));
      };
      const timestamp = Number(req.headers['x-hallbridge-timestamp']);
      const signature = String(req.headers['x-hallbridge-signature'] ?? '');
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/json')
        return answer(415, 'not a JSON POST');
      if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300)
        return answer(401, 'stale or missing timestamp');
      const expected = Buffer.from(
        `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
      );
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        return answer(401, 'bad signature');
      if (failures.left > 0) {
        failures = { ...failures, left: failures.left - 1 };
        return answer(failures.status, 'provider trouble');
      }
      const message = JSON.parse(body) as ReceivedMessage;
      accepted.push(message);
      answer(200, 'ok', { id: `prov-${accepted.length}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    secret,
    accepted,
    requests,
    failNext(n, status) {
      failures = { left: n, status };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
