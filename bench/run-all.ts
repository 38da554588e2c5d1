/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's memory and timers do
 * not colour the next; each prints its own numbers. Name some to run only those:
 *   npm run bench -- ack-latency footprint
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const benches = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  const file = `bench/${name}.ts`;
  if (!existsSync(file)) continue;
  console.log(`\n=== ${name}`);
  const run = spawnSync('npx', ['tsx', file], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.log(`${name} failed (exit ${run.status})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
