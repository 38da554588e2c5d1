import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

interface CruiseResult {
  modules: { source: string }[];
  summary: { totalCruised: number; violations: { rule: { name: string }; from: string; to: string }[] };
}

async function cruise(cwd: string): Promise<CruiseResult> {
  // depcruise exits non-zero when it finds violations; its JSON is on stdout either way.
  const out = await run(DEPCRUISE, ['src', '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  return JSON.parse(out.stdout) as CruiseResult;
}

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

describe('the layering rules (.dependency-cruiser.cjs)', () => {
  it('when src/ is cruised, then every TypeScript module is seen and no rule is broken', async () => {
    const result = await cruise(ROOT);
    const cruised = new Set(result.modules.map((m) => m.source).filter((s) => s.startsWith('src/')));
    const files = await tsFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(300);
    expect(files.filter((f) => !cruised.has(f))).toEqual([]);
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it.each([
    ['slack-edge-reaches-storage-through-use-cases', 'src/slack/listeners/x.ts', 'src/db/repos/y.ts'],
    ['slack-edge-reaches-storage-through-use-cases', 'src/slack/x.ts', 'src/secrets/y.ts'],
    ['domain-is-the-floor', 'src/domain/x.ts', 'src/incidents/y.ts'],
    ['playbooks-know-no-storage', 'src/playbooks/telnyx/x.ts', 'src/db/y.ts'],
    ['playbooks-know-no-storage', 'src/playbooks/kit/x.ts', 'src/incidents/y.ts'],
    ['provider-playbooks-apart', 'src/playbooks/twilio/x.ts', 'src/playbooks/telnyx/y.ts'],
    ['providers-are-the-bottom', 'src/providers/telnyx/x.ts', 'src/sandbox/telnyx/y.ts'],
    ['sandbox-only-from-app', 'src/incidents/x.ts', 'src/sandbox/kit/y.ts'],
    ['rate-limits-under-providers', 'src/rate-limits/x.ts', 'src/providers/http/y.ts'],
    ['rate-limits-for-clients-and-root', 'src/playbooks/telnyx/x.ts', 'src/rate-limits/y.ts'],
    ['use-cases-below-the-edge', 'src/incidents/x.ts', 'src/slack/y.ts'],
    ['storage-knows-no-caller', 'src/db/x.ts', 'src/incidents/y.ts'],
    ['no-circular', 'src/jobs/x.ts', 'src/jobs/y.ts'],
  ])('when a module breaks %s (%s → %s), then the check names it', async (rule, from, to) => {
    const dir = await mkdtemp(join(tmpdir(), 'reclaim-layering-'));
    temps.push(dir);
    const spec = relative(dirname(from), to).replace(/\.ts$/, '.js');
    const back = relative(dirname(to), from).replace(/\.ts$/, '.js');
    await mkdir(join(dir, dirname(from)), { recursive: true });
    await mkdir(join(dir, dirname(to)), { recursive: true });
    await writeFile(
      join(dir, from),
      `import { y } from '${spec.startsWith('.') ? spec : `./${spec}`}';\nexport const x = y;\n`,
    );
    await writeFile(
      join(dir, to),
      rule === 'no-circular'
        ? `import { x } from '${back.startsWith('.') ? back : `./${back}`}';\nexport const y = () => x;\n`
        : 'export const y = 1;\n',
    );
    const result = await cruise(dir);
    expect(result.summary.totalCruised).toBeGreaterThanOrEqual(2);
    expect(result.summary.violations.map((v) => v.rule.name)).toContain(rule);
  });

  it('when a module outside slack/ imports Bolt, then the check names it', async () => {
    const dir = await mkdtemp(join(ROOT, '.layering-'));
    temps.push(dir);
    await mkdir(join(dir, 'src', 'incidents'), { recursive: true });
    await writeFile(
      join(dir, 'src', 'incidents', 'x.ts'),
      "import type { App } from '@slack/bolt';\nexport type X = App;\n",
    );
    const result = await cruise(dir);
    expect(result.summary.violations.map((v) => v.rule.name)).toContain('only-slack-imports-slack-sdk');
  });
});
