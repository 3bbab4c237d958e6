import express from 'express';

/**
 * The Express app of every platform process (and of the benchmark's plain variants, so that they
 * differ from the real ones only in enforcement): no `X-Powered-By`, and no ETags. Express computes
 * an ETag as a hash of every response body it sends; GraphQL answers are POST responses that no
 * cache may keep, so the hash was work for nothing (files sent with `res.sendFile`, the playground's
 * and the dashboard's, still get theirs).
 */
export function platformApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  return app;
}
