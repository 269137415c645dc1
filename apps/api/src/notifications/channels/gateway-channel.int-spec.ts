import { startGatewayReceiver, type GatewayReceiver } from '../../../../../test/support/gateway-receiver';
import { GatewayChannel, toE164 } from './gateway-channel';
import { signGatewayBody, verifyGatewaySignature } from './gateway-signature';
import { DeliveryFailure, type OutgoingMessage } from './message-channel';

const message: OutgoingMessage = {
  id: 'msg-1',
  kind: 'invitation',
  locale: 'vi',
  to: '0912 345 678',
  sessionId: 's1',
  memberId: 'm1',
  link: 'https://hoinghi.example.vn/j/abc',
  subject: 'Giấy mời',
  text: 'Kính gửi',
  html: '<p>Kính gửi</p>',
  short: 'HallBridge: Kính mời đồng chí Đỗ Thị Dung dự “Nghị quyết”. Vào: https://hoinghi.example.vn/j/abc',
};
const never = new AbortController().signal;

/** The gateway adapter against a receiver that checks the signature as docs/api.md describes it. */
describe('message gateway adapter', () => {
  let receiver: GatewayReceiver;
  beforeAll(async () => (receiver = await startGatewayReceiver('bi-mat-chung')));
  afterAll(() => receiver.close());

  it('posts signed JSON that the receiver accepts, in E.164 and with a 7-bit copy of the text', async () => {
    const channel = new GatewayChannel({ url: receiver.url, secret: 'bi-mat-chung', channel: 'zalo' }, 5000);
    const sent = await channel.send(message, never);
    expect(sent.providerMessageId).toMatch(/^prov-/);
    expect(receiver.accepted.at(-1)).toEqual({
      id: 'msg-1',
      channel: 'zalo',
      to: '+84912345678',
      text: message.short,
      textAscii:
        'HallBridge: Kinh moi dong chi Do Thi Dung du "Nghi quyet". Vao: https://hoinghi.example.vn/j/abc',
      locale: 'vi',
      kind: 'invitation',
      link: message.link,
      sessionId: 's1',
      memberId: 'm1',
    });
  });

  it('is refused for good when signed with another secret', async () => {
    const channel = new GatewayChannel({ url: receiver.url, secret: 'sai-bi-mat', channel: 'sms' }, 5000);
    const failure = await channel.send(message, never).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect(failure).toMatchObject({ code: 'gateway_rejected', permanent: true });
    expect(receiver.requests.at(-1)).toMatchObject({ status: 401, reason: 'bad signature' });
  });

  it('takes a 5xx as worth retrying, and an unreachable gateway too', async () => {
    const channel = new GatewayChannel({ url: receiver.url, secret: 'bi-mat-chung', channel: 'sms' }, 5000);
    receiver.failNext(1, 503);
    await expect(channel.send(message, never)).rejects.toMatchObject({
      code: 'gateway_error',
      permanent: false,
    });
    await expect(channel.send(message, never)).resolves.toBeDefined();
    const closed = new GatewayChannel({ url: 'http://127.0.0.1:9/send', secret: 'x', channel: 'sms' }, 2000);
    await expect(closed.send(message, never)).rejects.toMatchObject({
      code: 'gateway_unreachable',
      permanent: false,
    });
  });

  it('refuses a replayed request: the same signed body with an old timestamp', async () => {
    const body = JSON.stringify({ id: 'replay' });
    const old = Math.floor(Date.now() / 1000) - 600;
    const res = await fetch(receiver.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-HallBridge-Timestamp': String(old),
        'X-HallBridge-Signature': signGatewayBody(body, 'bi-mat-chung', old),
      },
      body,
    });
    expect(res.status).toBe(401);
    expect(
      verifyGatewaySignature(body, 'bi-mat-chung', {
        signature: signGatewayBody(body, 'bi-mat-chung', old),
        timestamp: String(old),
      }),
    ).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('writes Vietnamese numbers in E.164', () => {
    expect(['0912345678', '+84 912 345 678', '84912345678', '091.234.5678'].map(toE164)).toEqual([
      '+84912345678',
      '+84912345678',
      '+84912345678',
      '+84912345678',
    ]);
  });
});
