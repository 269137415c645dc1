import { CA_CERT_PATH } from '@hallbridge/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export function isLoopback(address: string | undefined): boolean {
  return !!address && (/^(::ffff:)?127\./.test(address) || address === '::1');
}

/** Reachable without HTTPS: health checks, and the CA a device must trust before HTTPS works for it. */
const plainPaths = [CA_CERT_PATH, '/api/health'];

/**
 * With an HTTPS public address the app still listens on PORT, where the TLS front and local tools
 * reach it over loopback. A request that arrives there from another machine over plain HTTP (someone
 * typed http://<server>:3000) is sent to the HTTPS address, where camera and microphone work. A
 * request that came through a proxy (it says X-Forwarded-Proto; browsers never do) is left alone,
 * trusted or not: a front elsewhere that TRUST_PROXY does not name must not be redirected in a loop.
 */
export function plainHttpRedirect(publicUrl: string): RequestHandler | null {
  const target = new URL(publicUrl);
  if (target.protocol !== 'https:') return null;
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers['x-forwarded-proto'] || isLoopback(req.socket.remoteAddress)) return next();
    if (plainPaths.some((p) => req.path === p || req.path.startsWith(`${p}/`))) return next();
    res.redirect(308, `${target.origin}${req.originalUrl}`);
  };
}
