import type { WatchAlert } from '../../db/repos/watch-repo.js';
import type { Watch } from '../../domain/watch.js';
import { reportText } from './report-text.js';

const iso = (d: Date) => d.toISOString();

/** The report's "Watch" section: how long the account is (or was) watched, its runs and every alert. */
export function renderWatchSection(
  watch: Watch | null | undefined,
  alerts: readonly WatchAlert[],
  user: (id: string) => string,
): string[] {
  if (!watch)
    return [
      '',
      '## Watch',
      '',
      '- No post-remediation watch (started with `--watch 0`, or RECLAIM_WATCH_HOURS=0).',
    ];
  const out = ['', '## Watch', ''];
  switch (watch.state) {
    case 'waiting':
      out.push(
        `- Waiting for every automated step to be settled; then ${watch.hours} h, every ${watch.intervalMinutes} min.`,
      );
      break;
    case 'watching':
      out.push(
        `- Watching from ${watch.startedAt ? iso(watch.startedAt) : '?'} until ${watch.untilAt ? iso(watch.untilAt) : '?'}, every ${watch.intervalMinutes} min; it goes on after this report.`,
      );
      break;
    case 'stopped':
      out.push(
        `- Stopped${watch.endedBy ? ` by ${user(watch.endedBy)}` : ''}${watch.endedAt ? ` at ${iso(watch.endedAt)}` : ''}.`,
      );
      break;
    case 'ended':
      out.push(`- Ended at ${watch.untilAt ? iso(watch.untilAt) : '?'} after ${watch.hours} h.`);
      break;
  }
  out.push(
    `- Runs: ${watch.runs}${watch.lastRunAt ? `, the last at ${iso(watch.lastRunAt)}` : ''}; alerts: ${watch.alerts}.`,
  );
  if (watch.failures > 0)
    out.push(
      `- The last ${watch.failures} run(s) could not read the account: ${reportText(watch.lastError ?? '')}`,
    );
  for (const a of alerts) {
    const what = a.findings.map((f) => reportText(f.summary)).join('; ');
    out.push(`- Alert at ${iso(a.seenAt)} (run ${a.run}, ${a.stepKey}): ${what} — now ${a.stepState}.`);
  }
  return out;
}
