import type { Queryable } from '../../db/db.js';
import { POSTURE_JOB, type PosturePayload, postureKey } from '../../domain/job-kinds.js';
import type { PostureReport } from '../../domain/posture.js';
import { dedupeKeyUsed } from '../../jobs/dedupe-history.js';
import { enqueueJob } from '../../jobs/queue.js';
import { nextCronTime } from '../../util/cron.js';
import type { UseCaseDeps } from '../deps.js';
import { readPosture } from './check-posture.js';

export type ScheduledPostureOutcome = 'posted' | 'not_needed';

/**
 * Queues the posture check of the first time after `after` that `cron` names: one job per time,
 * whoever asks (every replica at start-up, and each check for the next), and never a second one
 * for a time that already had its job, even finished.
 */
export async function schedulePosture(q: Queryable, cron: string, after: Date, now = new Date()) {
  const at = nextCronTime(cron, after);
  const key = postureKey(at.toISOString());
  if (await dedupeKeyUsed(q, key)) return null;
  return enqueueJob(q, {
    kind: POSTURE_JOB,
    payload: { at: at.toISOString(), cron },
    delayMs: at.getTime() - now.getTime(),
    dedupeKey: key,
  });
}

/**
 * The POSTURE_JOB: queues the next check first (so a check that fails for good does not end the
 * schedule), then reads every connection's posture, read-only, and posts the reports in
 * RECLAIM_POSTURE_CHANNEL. A job of a schedule that changed since (another cron expression, or
 * none) does nothing: start-up queued the new one. A time already checked by another job is not
 * checked again.
 */
export async function runScheduledPosture(
  deps: UseCaseDeps,
  payload: PosturePayload,
  jobId: number,
): Promise<ScheduledPostureOutcome> {
  const posture = deps.posture;
  if (!posture || posture.cron !== payload.cron) return 'not_needed';
  const key = postureKey(payload.at);
  if (await dedupeKeyUsed(deps.db, key, { exceptId: jobId, states: ['done'] })) return 'not_needed';
  const now = deps.now();
  const after = new Date(Math.max(Date.parse(payload.at), now.getTime()));
  await schedulePosture(deps.db, posture.cron, after, now);

  const connections = (await deps.connections?.list()) ?? [];
  const reports: PostureReport[] = [];
  for (const c of connections) {
    reports.push(
      await readPosture(deps, { label: c.label, provider: c.provider, rehearsal: false, by: 'reclaim' }),
    );
  }
  if (!deps.notifier.postureChecked) throw new Error('no front door to post the posture check in');
  await deps.notifier.postureChecked(posture.channel, reports);
  deps.logger.info(
    { at: payload.at, connections: reports.length, channel: posture.channel },
    'scheduled posture check posted',
  );
  return 'posted';
}
