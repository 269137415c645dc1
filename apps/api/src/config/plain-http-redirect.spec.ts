import type { NextFunction, Request, Response } from 'express';
import { plainHttpRedirect } from './plain-http-redirect';

function visit(remoteAddress: string, originalUrl: string, headers: Record<string, string> = {}) {
  const redirect = plainHttpRedirect('https://hoinghi.tinhuy.vn')!;
  const req = {
    socket: { remoteAddress },
    headers,
    originalUrl,
    path: originalUrl.split('?')[0],
  } as unknown as Request;
  let location: string | null = null;
  const res = {
    redirect: (status: number, url: string) => (location = `${status} ${url}`),
  } as unknown as Response;
  let passed = false;
  redirect(req, res, (() => (passed = true)) as NextFunction);
  return passed ? 'passed' : location;
}

describe('plain HTTP to the app port', () => {
  it('from another machine goes to the HTTPS address, path and query kept', () => {
    expect(visit('192.168.1.30', '/sessions?week=2')).toBe('308 https://hoinghi.tinhuy.vn/sessions?week=2');
    expect(visit('::ffff:192.168.1.30', '/')).toBe('308 https://hoinghi.tinhuy.vn/');
  });

  it('is served as it is from this machine, through a proxy, and for health and the CA download', () => {
    expect(visit('127.0.0.1', '/sessions')).toBe('passed');
    expect(visit('::1', '/sessions')).toBe('passed');
    expect(visit('10.0.0.2', '/sessions', { 'x-forwarded-proto': 'https' })).toBe('passed');
    expect(visit('192.168.1.30', '/api/network/ca.crt')).toBe('passed');
    expect(visit('192.168.1.30', '/api/health')).toBe('passed');
  });

  it('is not redirected at all when the public address is plain HTTP', () => {
    expect(plainHttpRedirect('http://192.168.1.20:3000')).toBeNull();
  });
});
