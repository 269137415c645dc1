import { SignJWT } from 'jose';
import { io, type Socket } from 'socket.io-client';
import type { ApiClient } from '../../test/support/api-client';
import { addBranch, firstRun } from '../../test/support/first-run';
import { LiveTestClient } from '../../test/support/live-client';
import { startProduct, type Product } from '../../test/support/product';

const BENCH_SECRET = 'bench-secret-0123456789abcdefghijklmnopqrstuvwxyz';

export interface BenchRoom {
  product: Product;
  sessionId: string;
  organiser: ApiClient;
  /** The branch whose members are invited. */
  branchId: string;
  presenterToken: string;
  memberTokens: string[];
  close(): Promise<void>;
}

/** Signs member tokens the way the server does, so a benchmark needs no 2,000 link exchanges. */
async function memberToken(memberId: string): Promise<string> {
  return new SignJWT({ kind: 'member' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(memberId)
    .setIssuedAt()
    .setExpirationTime('12h')
    .setIssuer('hallbridge')
    .sign(new TextEncoder().encode(BENCH_SECRET));
}

/**
 * The built product as the benchmarks run it: quiet, signing tokens with the bench secret, and
 * believing X-Forwarded-For from loopback as behind the front, so each bench client can come from
 * its own address (`benchAddress`) as members' phones do, not all from 127.0.0.1.
 */
export function benchProduct(env: Record<string, string> = {}): Promise<Product> {
  return startProduct({ AUTH_SECRET: BENCH_SECRET, LOG_LEVEL: 'error', TRUST_PROXY: 'loopback', ...env });
}

/** The address of the i-th bench client, in the benchmarking range 198.18.0.0/15 (RFC 2544). */
export const benchAddress = (i: number) => `198.${18 + ((i >> 16) & 1)}.${(i >> 8) & 255}.${i & 255}`;

/**
 * The product on the embedded default with one branch of `members` members, a presenter and a
 * live session inviting the branch: what the live benchmarks measure against.
 */
export async function benchRoom(members: number, env: Record<string, string> = {}): Promise<BenchRoom> {
  const product = await benchProduct(env);
  try {
    const { api, organiser, rootId } = await firstRun(product.url, {
      name: 'Tỉnh ủy Đo Tải',
      code: 'BENCH',
      password: 'bench-password',
      displayName: 'Ban Tổ Chức',
    });
    const branchId = await addBranch(organiser, rootId, { name: 'Chi bộ Đo Tải', code: 'CB-BENCH' });
    const rows = Array.from({ length: members }, (_, i) => `Đảng viên Số ${String(i + 1).padStart(5, '0')}`);
    const imported = await organiser.upload(
      '/members/import?unitId=' + branchId,
      'ds.csv',
      `Họ và tên\n${rows.join('\n')}\n`,
      'text/csv',
    );
    if (imported.body.imported !== members)
      throw new Error(`roster import: ${JSON.stringify(imported.body).slice(0, 300)}`);
    const presenter = await organiser.post('/users', {
      username: 'baocao',
      password: 'bench-password',
      displayName: 'Báo Cáo Viên',
      role: 'presenter',
      unitId: rootId,
    });
    const session = await organiser.post('/sessions', {
      title: 'Hội nghị đo tải',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      hostUnitId: rootId,
      invitedUnitIds: [branchId],
      presenterIds: [presenter.body.id],
    });
    await organiser.post(`/sessions/${session.body.id}/transitions`, { action: 'start' });
    const links = (await organiser.get(`/sessions/${session.body.id}/join-links`)).body as {
      memberId: string;
    }[];
    const memberTokens = await Promise.all(links.map((l) => memberToken(l.memberId)));
    const presenterToken = (await api.login('baocao', 'bench-password')).token!;
    return {
      product,
      sessionId: session.body.id,
      organiser,
      branchId,
      presenterToken,
      memberTokens,
      close: () => product.stop(),
    };
  } catch (error) {
    console.error(product.output().slice(-2000));
    await product.stop();
    throw error;
  }
}

/** Opens `tokens.length` live connections in waves, each joined to the session. */
export async function joinAll(
  url: string,
  sessionId: string,
  tokens: string[],
  wave = 100,
): Promise<LiveTestClient[]> {
  const clients: LiveTestClient[] = [];
  for (let i = 0; i < tokens.length; i += wave) {
    const batch = tokens
      .slice(i, i + wave)
      .map((t, j) => new LiveTestClient(url, t, { address: benchAddress(i + j) }));
    const acks = await Promise.all(batch.map((c) => c.join(sessionId)));
    const failed = acks.find((a) => !a.ok);
    if (failed) throw new Error(`join failed: ${JSON.stringify(failed)}`);
    clients.push(...batch);
  }
  return clients;
}

/**
 * Bare joined sockets with no client-side state (the fanout benchmark compares delivery with a bare
 * socket.io server, so its receivers must do no more work than the baseline's).
 */
export async function joinRaw(
  url: string,
  sessionId: string,
  tokens: string[],
  wave = 100,
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < tokens.length; i += wave) {
    const batch = tokens.slice(i, i + wave).map((token, j) =>
      io(url, {
        auth: { token },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { 'x-forwarded-for': benchAddress(i + j) },
      }),
    );
    await Promise.all(
      batch.map(async (socket) => {
        const ack = await socket.emitWithAck('room:join', { sessionId });
        if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}
