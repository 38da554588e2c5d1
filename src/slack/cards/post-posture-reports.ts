import type { PostureReport } from '../../incidents/watch/check-posture.js';
import { buildPostureReport } from '../blocks/build-posture-report.js';
import type { SlackContext } from './card-context.js';

/** With no connection configured, the scheduled check says so instead of posting nothing. */
export const NO_CONNECTION_TO_CHECK =
  'Scheduled posture check: no connection is configured, so there was nothing to check.';

/**
 * The scheduled posture check (RECLAIM_POSTURE_CRON) in RECLAIM_POSTURE_CHANNEL: one message per
 * connection, as `/compromise check … --share` posts it. A failed post throws, so the job is tried again.
 */
export async function postPostureReports(
  ctx: Pick<SlackContext, 'gateway'>,
  channel: string,
  reports: readonly PostureReport[],
): Promise<void> {
  if (reports.length === 0) {
    await ctx.gateway.post(channel, { text: NO_CONNECTION_TO_CHECK, blocks: [] });
    return;
  }
  for (const report of reports) await ctx.gateway.post(channel, buildPostureReport(report));
}
