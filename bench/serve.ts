/**
 * `npm run bench:serve [-- --cases 5000]`: the benchmark's set-up, kept running for measuring by
 * hand (a profiler, another load generator, one query at a time). Prints each variant's URL and
 * the headers to send; Ctrl-C stops everything and removes the data.
 */
import { parseArgs } from 'node:util';
import { progress } from './lib/setup';
import { startBenchVariants } from './lib/variants';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '5000' } } });
const say = progress('bench:serve');
const variants = await startBenchVariants(Number(values.cases), say);
const stop = () => void variants.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const [label, v] of [
  ['(a) gateway with enforcement', variants.enforced],
  ['(b) plain federation', variants.plain],
  ['(c) social-services subgraph alone', variants.floor],
] as const) {
  say(`${label}: ${v.url}`);
  // The subgraph alone accepts only the body its headers were signed for (a binding, valid 30 s).
  const body = JSON.stringify({ query: 'query List { cases(limit: 100) { id status } }' });
  if (v === variants.floor) console.log(`    body (the headers below are for exactly this body): ${body}`);
  for (const [name, value] of Object.entries(await v.headers(body))) console.log(`    ${name}: ${value.length > 1000 ? `${value.slice(0, 60)}… (${value.length} characters, valid 60 s)` : value}`);
  console.log(`    processes: ${Object.entries(v.pids).map(([name, pid]) => `${name} ${pid}`).join(', ')}`);
}
say(`a case of the benchmark coordinator: ${variants.caseId}; Ctrl-C to stop`);
