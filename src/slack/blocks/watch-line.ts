import type { Watch } from '../../domain/watch.js';
import { WATCH_FAILURES_SHOWN } from '../../domain/watch.js';
import { clip, mention, plural, slackDate } from './mrkdwn.js';

/**
 * The progress card's line about the post-remediation watch: waiting for the steps, watching until
 * when (last run, alerts so far), unable to read the account, or over and why.
 */
export function watchLine(watch: Watch): string {
  const alerts = watch.alerts > 0 ? `, 🚨 ${plural(watch.alerts, 'alert')} so far` : ', no alert so far';
  const blind =
    watch.failures >= WATCH_FAILURES_SHOWN
      ? `\n⚠️ *The watch cannot read the account*: its last ${plural(watch.failures, 'run')} failed (${clip(watch.lastError ?? 'unknown error', 200)}). It keeps trying.`
      : '';
  switch (watch.state) {
    case 'waiting':
      return `👁️ *Watch:* starts once every automated step is done or skipped, for ${hours(watch.hours)}.${blind}`;
    case 'watching': {
      const last = watch.lastRunAt ? `last run ${slackDate(watch.lastRunAt)}` : 'first run soon';
      const until = watch.untilAt ? slackDate(watch.untilAt) : 'its end';
      return `👁️ *Watching the account* until ${until}, every ${minutes(watch.intervalMinutes)}; ${last} (${plural(watch.runs, 'run')}${alerts}).${blind}`;
    }
    case 'stopped': {
      const by = watch.endedBy ? ` by ${mention(watch.endedBy)}` : '';
      return `👁️ *Watch stopped*${by}${watch.endedAt ? ` ${slackDate(watch.endedAt)}` : ''} after ${plural(watch.runs, 'run')}${alerts}.`;
    }
    case 'ended':
      return `👁️ *Watch over* after ${hours(watch.hours)}: ${plural(watch.runs, 'run')}${alerts}.`;
  }
}

const hours = (h: number) =>
  h >= 1 && Number.isInteger(h) ? plural(h, 'hour') : `${Math.round(h * 60)} minutes`;
const minutes = (m: number) =>
  m >= 1 && Number.isInteger(m) ? plural(m, 'minute') : `${Math.round(m * 60)} seconds`;
