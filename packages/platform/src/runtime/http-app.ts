import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger';

/**
 * The Content-Security-Policy of every response: only this origin's own files, no inline script at
 * all, no framing, no plugins, and requests (fetch) only to this origin. The playground and the
 * dashboard load their scripts and styles as files from the gateway; the playground's one inline
 * `<style>` is allowed by its hash on that page alone (gateway/src/playground.ts). Styles that
 * scripts set through the DOM (GraphiQL, Chart.js) are not inline styles and need no exception.
 * No `upgrade-insecure-requests`: the processes speak plain HTTP behind the TLS proxy, and a page
 * opened over http://localhost would have its own files upgraded to https and fail.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/** The policy as a header value, with extra sources per directive (a page's inline style hash). */
export function contentSecurityPolicy(extra: Record<string, string[]> = {}): string {
  const directives = { ...CONTENT_SECURITY_POLICY };
  for (const [name, sources] of Object.entries(extra)) directives[name] = [...(directives[name] ?? []), ...sources];
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * The Express app of every platform process (and of the benchmark's plain variants, so that they
 * differ from the real ones only in enforcement): no `X-Powered-By`, and no ETags. Express computes
 * an ETag as a hash of every response body it sends; GraphQL answers are POST responses that no
 * cache may keep, so the hash was work for nothing (files sent with `res.sendFile`, the playground's
 * and the dashboard's, still get theirs).
 *
 * Security headers on every response (helmet): the Content-Security-Policy above, HSTS, `nosniff`,
 * `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer`, same-origin opener and resource policies.
 */
export function platformApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      xFrameOptions: { action: 'deny' },
    }),
  );
  return app;
}

/** A GraphQL-style error answer for requests refused before GraphQL sees them. */
function refuse(res: express.Response, status: number, message: string, code = 'BAD_REQUEST') {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * One rule for `/graphql`: POST only. GET (even with `apollo-require-preflight`, which Apollo
 * Server would accept) and every other method get 405 with `Allow: POST`: a GET request would
 * skip the body limit, the token count and CSRF protection by content type, and GraphQL GETs end
 * up in access logs and browser history with their variables.
 */
export function postOnly(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'POST') return next();
    res.setHeader('Allow', 'POST');
    refuse(res, 405, 'Send operations with POST and a JSON body (Content-Type: application/json)', 'METHOD_NOT_ALLOWED');
  };
}

/**
 * The JSON body of a `/graphql` request, at most `limit`. Anything else is answered here, as a
 * GraphQL-style error, and logged as one line without the body: another content type → 415, a
 * body that is not JSON → 400, one over the limit → 413 (Express's default handler printed the
 * parser's stack, with a piece of the body, to stderr). `verify` sees the raw bytes (subgraphs hash
 * them to check the gateway's binding).
 */
export function jsonBody(options: { limit: string; log: Logger; verify?: (req: IncomingMessage, res: ServerResponse, buf: Buffer) => void }): RequestHandler {
  const parse = express.json({ limit: options.limit, verify: options.verify });
  return (req, res, next) => {
    // type-is: false for another content type; null when there is no body at all (Apollo Server refuses that itself).
    if (req.is('application/json') === false) {
      options.log.warn({ status: 415, contentType: req.header('content-type')?.slice(0, 100) }, 'refused a request body that is not JSON');
      return refuse(res, 415, 'Send the operation as JSON: Content-Type: application/json');
    }
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const { status, type } = error as { status?: number; type?: string };
      const code = typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
      // Neither the body nor the parser's message (JSON.parse quotes the body) is logged.
      options.log.warn({ status: code, type, contentLength: req.header('content-length') }, 'refused a malformed request body');
      if (code === 413) return refuse(res, 413, `The request body is larger than the limit (${options.limit})`);
      if (code === 415) return refuse(res, 415, 'The request body has an encoding or character set that is not supported');
      refuse(res, code, type === 'entity.parse.failed' ? 'The request body is not valid JSON' : 'The request body could not be read');
    });
  };
}
