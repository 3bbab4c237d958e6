import express from 'express';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const DASHBOARD_DIR = path.resolve(import.meta.dirname, '../dashboard');

/** Chart.js's browser build, from the installed package (these networks have no internet, and no CDN is used). */
function chartJsFile(): string {
  // chart.js's exports map has no ./package.json; its CommonJS entry sits in dist/ beside the browser build.
  const full = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
  if (!fs.existsSync(full)) throw new Error('the dashboard needs chart.js/dist/chart.umd.min.js, which is not installed');
  return full;
}

/**
 * The SSPF dashboard at `/dashboard`: a page that asks the `statistics` query with the reader's own
 * token (it sees exactly what the API gives that token) and shows district tables and charts.
 * In development it offers the demo personas of the playground (`/playground/personas.json`).
 */
export function dashboardRouter(): express.Router {
  const router = express.Router();
  const files: Record<string, string> = {
    'app.js': path.join(DASHBOARD_DIR, 'app.js'),
    'dashboard.css': path.join(DASHBOARD_DIR, 'dashboard.css'),
    'chart.umd.min.js': chartJsFile(),
  };
  router.get('/dashboard', (_req, res) => res.sendFile(path.join(DASHBOARD_DIR, 'index.html')));
  router.get('/dashboard/:file', (req, res) => {
    const file = files[req.params.file];
    if (!file) return void res.status(404).end();
    res.sendFile(file, { maxAge: '1h' });
  });
  return router;
}
