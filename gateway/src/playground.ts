import { contentSecurityPolicy } from '@sig/platform/runtime';
import express from 'express';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const PLAYGROUND_DIR = path.resolve(import.meta.dirname, '../playground');

/** A file inside an installed package, found through its package.json (the files are not in its exports map). */
function packageFile(pkg: string, file: string): string {
  const full = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
  if (!fs.existsSync(full)) throw new Error(`the playground needs ${pkg}/${file}, which is not installed`);
  return full;
}

/** The environment variable that hands the playground its demo personas and their tokens (development only). */
export const PLAYGROUND_PERSONAS_ENV = 'SIG_PLAYGROUND_PERSONAS';

export interface PlaygroundPersona {
  name: string;
  unit: string;
  token: string;
}

/** The example operations, one file each, in the order the playground opens them as tabs. */
const EXAMPLE_ORDER = ['MyCases', 'CaseOverview', 'ActionPlan', 'NetworkMeetings', 'LogExtract', 'WithdrawConsent', 'DistrictStatistics'];
const EXAMPLE_VARIABLES: Record<string, object> = {
  CaseOverview: { id: 'a case id from MyCases' },
  ActionPlan: { id: 'a case id from MyCases' },
  NetworkMeetings: { id: 'a case id from MyCases' },
  LogExtract: { personalNumber: 'YYYYMMDD-NNNN' },
  WithdrawConsent: { caseId: 'a case id', signatoryId: 'the party, by its id on the consent (or give personalNumber)', sources: ['POLICE'] },
  DistrictStatistics: { period: String(new Date().getFullYear()) },
};

export function loadExampleOperations(): { name: string; query: string; variables: string }[] {
  return EXAMPLE_ORDER.map((name) => ({
    name,
    query: fs.readFileSync(path.join(PLAYGROUND_DIR, 'operations', `${name}.graphql`), 'utf8'),
    variables: JSON.stringify(EXAMPLE_VARIABLES[name] ?? {}, null, 2),
  }));
}

/**
 * GraphiQL, served by the gateway itself from the installed packages (these networks have no
 * internet), with a persona picker and the example operations. Development only.
 */
export function playgroundRouter(personas: Record<string, PlaygroundPersona>): express.Router {
  const router = express.Router();
  const assets: Record<string, string> = {
    'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
    'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
    'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
    'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
  };
  const examples = loadExampleOperations();
  const page = path.join(PLAYGROUND_DIR, 'index.html');
  const policy = contentSecurityPolicy({ 'style-src': inlineStyleHashes(fs.readFileSync(page, 'utf8')) });
  router.get('/', (_req, res) => {
    // The platform's policy (http-app.ts), plus the page's own inline <style>, allowed by its hash.
    res.setHeader('Content-Security-Policy', policy);
    res.sendFile(page);
  });
  router.get('/playground/app.js', (_req, res) => res.sendFile(path.join(PLAYGROUND_DIR, 'app.js')));
  router.get('/playground/personas.json', (_req, res) => res.json(personas));
  router.get('/playground/examples.json', (_req, res) => res.json(examples));
  router.get('/playground/assets/:file', (req, res) => {
    const file = assets[req.params.file];
    if (!file) return void res.status(404).end();
    res.sendFile(file, { maxAge: '1h' });
  });
  return router;
}

/** The CSP sources that allow exactly the inline `<style>` elements of a page: `'sha256-…'` of each one's text. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
}

/** Reads the personas handed to the playground; none when unset. */
export function playgroundPersonasFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, PlaygroundPersona> {
  const raw = env[PLAYGROUND_PERSONAS_ENV];
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Record<string, PlaygroundPersona>;
  } catch {
    throw new Error(`${PLAYGROUND_PERSONAS_ENV} is not valid JSON`);
  }
}
