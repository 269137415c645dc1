import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactUrl, requestId } from './logging';

describe('redactUrl', () => {
  it('hides the token of a join link and the code of a check-in link, keeping the rest', () => {
    expect(redactUrl('/j/abc.def.123.sig')).toBe('/j/[redacted]');
    expect(redactUrl('/j/abc.def/next?x=1')).toBe('/j/[redacted]/next?x=1');
    expect(redactUrl('/checkin/483920')).toBe('/checkin/[redacted]');
    expect(redactUrl('/api/sessions/42/join-links')).toBe('/api/sessions/42/join-links');
  });

  it('hides secret query parameters, whatever their case or encoding', () => {
    expect(redactUrl('/api/x?token=s3cret&page=2')).toBe('/api/x?token=[redacted]&page=2');
    expect(redactUrl('/api/x?Password=a&%63ode=1234')).toBe('/api/x?Password=[redacted]&%63ode=[redacted]');
    expect(redactUrl('/api/x?tokens=ok')).toBe('/api/x?tokens=ok');
    expect(redactUrl('/api/x?%E0%A4%A=1')).toBe('/api/x?%E0%A4%A=1');
  });
});

describe('requestId', () => {
  const call = (header?: string) => {
    const headers: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (headers[name] = value) };
    const id = requestId(
      { headers: header === undefined ? {} : { 'x-request-id': header } } as IncomingMessage,
      res as unknown as ServerResponse,
    );
    return { id, sent: headers['X-Request-Id'] };
  };

  it("keeps the caller's id and sends it back", () => {
    expect(call('front-7f3a:1')).toEqual({ id: 'front-7f3a:1', sent: 'front-7f3a:1' });
  });

  it('makes a fresh one when there is none, or when it could forge log lines', () => {
    for (const header of [undefined, '', 'a\nb', 'x'.repeat(129), '{"level":60}']) {
      const { id, sent } = call(header);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent).toBe(id);
    }
  });
});
