// One port-out PIN on up to 1,000 numbers at once, through Telnyx's bulk job: sealed for Reveal, never in the result.
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlannedAction } from '../../domain/types.js';
import { ProviderError } from '../../providers/http/index.js';
import {
  JOB_FINISHED,
  type JobFailure,
  type JobNumber,
  type PhoneNumbersJob,
  settleJob,
  type TelnyxClient,
} from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { formatNumber } from '../kit/phone-numbers.js';
import { orGone, outcomeUnknown } from '../kit/step-kit.js';
import type { ActionOutcome, PlaybookContext } from '../types.js';
import { portOutPinFor } from './generate-port-out-pin.js';
import { TelnyxPlaybookError, textListParam, textParam } from './playbook-error.js';
import { GONE_STATUSES } from './port-out-pin-actions.js';

/** How many pages of the newest jobs (50 a page) a recheck reads for the earlier attempt's job. */
const RECHECK_PAGES = 10;
/** How many pages of the newest jobs a lost answer is looked for in (the fence is among the newest). */
const LOST_ANSWER_PAGES = 2;

/** `1,000 numbers, +1 555 0100 to +1 555 1099`: how a batch is named on the card and on its PIN. */
export function batchName(count: number, first: string, last: string): string {
  return `${count.toLocaleString('en-US')} number${count === 1 ? '' : 's'}, ${first === last ? first : `${first} to ${last}`}`;
}

const idsOf = (numbers: readonly JobNumber[]) => numbers.flatMap((n) => (n.id === null ? [] : [n.id]));

const finished = (j: PhoneNumbersJob) => j.status !== null && JOB_FINISHED.has(j.status);

/**
 * A retry's look at the newest jobs: each one naming any of `ids` that is still running is waited
 * out (a new job must not race it). With a seed, the newest of them on the batch's numbers only
 * whose first updated number holds this action's PIN is the earlier attempt's, landed: returned.
 */
async function recheckBatch(
  ctx: PlaybookContext<TelnyxClient>,
  ids: readonly string[],
  pin: string,
  seeded: boolean,
): Promise<PhoneNumbersJob | undefined> {
  const batch = new Set(ids);
  const recent = await ctx.client.phoneNumbersJobs.recentUpdates(RECHECK_PAGES);
  const touching = recent.items.filter((j) => idsOf(j.phone_numbers).some((id) => batch.has(id)));
  const settled: PhoneNumbersJob[] = [];
  for (const job of touching) {
    settled.push(finished(job) ? job : await settleJob(ctx.client.phoneNumbersJobs, job.id));
  }
  if (!seeded) return undefined;
  const own = settled.find(
    (j) => j.successful_operations.length > 0 && idsOf(j.phone_numbers).every((id) => batch.has(id)),
  );
  const probe = own && idsOf(own.successful_operations)[0];
  return probe && (await ctx.client.phoneNumbers.pinIs(probe, pin)) ? own : undefined;
}

/** The id of the newest job now: a job listed before it was started after this moment (no clocks compared). */
async function newestJobId(ctx: PlaybookContext<TelnyxClient>): Promise<string | null> {
  return (await ctx.client.phoneNumbersJobs.recentUpdates(1, 1)).items[0]?.id ?? null;
}

/** A job naming exactly `ids` started after `fence`: the one a POST whose answer was lost started. */
async function jobSince(
  ctx: PlaybookContext<TelnyxClient>,
  fence: string | null,
  ids: readonly string[],
): Promise<PhoneNumbersJob | undefined> {
  const want = [...ids].sort().join(',');
  const recent = (await ctx.client.phoneNumbersJobs.recentUpdates(LOST_ANSWER_PAGES)).items;
  const end = recent.findIndex((j) => j.id === fence);
  const newer = end < 0 ? (fence === null ? recent : []) : recent.slice(0, end);
  return newer.find((j) => idsOf(j.phone_numbers).sort().join(',') === want);
}

/** Of `ids`, the numbers still on the account and in service (one read each: only after a refusal). */
async function stillHeld(ctx: PlaybookContext<TelnyxClient>, ids: readonly string[]): Promise<string[]> {
  const held: string[] = [];
  for (const id of ids) {
    const n = await orGone(() => ctx.client.phoneNumbers.get(id));
    if (n && !(n.status !== null && GONE_STATUSES.has(n.status))) held.push(id);
  }
  return held;
}

/** Spec example `PhoneNumberOwnership`: the whole job is refused when one number is not the account's. */
const notAllOwned = (err: unknown) =>
  err instanceof ProviderError && err.status === 422 && /own every number/i.test(err.detail ?? '');

/** Spec example `Maximum20JobsAllowed`: other jobs are open on the account; they finish on their own. */
const tooManyOpen = (err: unknown) =>
  err instanceof ProviderError && err.status === 422 && /at most 20 pending/i.test(err.detail ?? '');

/** Pauses before each new try while the account has 20 jobs open: about a minute in all. */
const OPEN_JOBS_PAUSES_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/** Starts the job, waiting while the account holds 20 open jobs (someone else's, or a replica's). */
async function postJob(
  ctx: PlaybookContext<TelnyxClient>,
  ids: string[],
  pin: string,
): Promise<PhoneNumbersJob> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await ctx.client.phoneNumbersJobs.setExternalPins(ids, pin);
    } catch (err) {
      const pause = OPEN_JOBS_PAUSES_MS[attempt];
      if (pause === undefined || !tooManyOpen(err)) throw err;
      await sleep(pause);
    }
  }
}

async function startJob(
  ctx: PlaybookContext<TelnyxClient>,
  ids: string[],
  pin: string,
): Promise<PhoneNumbersJob | null> {
  const fence = await newestJobId(ctx);
  try {
    return await postJob(ctx, ids, pin);
  } catch (err) {
    if (outcomeUnknown(err)) {
      const started = await jobSince(ctx, fence, ids).catch(() => undefined);
      if (started) return started;
      throw err;
    }
    if (!notAllOwned(err)) throw err;
    const held = await stillHeld(ctx, ids);
    if (held.length === 0) return null;
    if (held.length === ids.length) throw err;
    return postJob(ctx, held, pin);
  }
}

const failureLine = (f: JobFailure) =>
  `${f.phone_number ? formatNumber(f.phone_number) : `number ${f.id ?? '?'}`} (${f.errors[0] ?? 'no reason given'})`;

function outcomeOf(action: PlannedAction, job: PhoneNumbersJob, pin: string): ActionOutcome {
  const set = job.successful_operations.length;
  const failed = job.failed_operations;
  if (set === 0) {
    throw new TelnyxPlaybookError(
      'telnyx_job_failed',
      `Telnyx's job ${job.id} ended ${job.status ?? 'without a status'} and set no port-out PIN${failed.length > 0 ? `: ${failed.slice(0, 3).map(failureLine).join('; ')}` : ''}. Retry starts a new one.`,
      { details: { target: action.target, jobId: job.id, status: job.status, failed: failed.length } },
    );
  }
  const result: Record<string, unknown> = { pinSet: set };
  if (failed.length > 0) {
    result.notSet = failed.length;
    result.failed = failed.slice(0, 5).map(failureLine).join('; ');
  }
  const first = textParam(action, 'first');
  const last = textParam(action, 'last');
  const label = `Port-out PIN for ${batchName(set, first, last)}${failed.length > 0 ? ` (${failed.length} not set)` : ''}`;
  return { result, secrets: [{ label, value: pin }] };
}

/**
 * One `POST /phone_numbers/jobs/update_phone_numbers` with the action's PIN (`portOutPinFor`: from
 * the engine's seed, the same on every attempt) for the batch's numbers (ids), then its job read
 * until finished. A recheck first waits out any job an earlier attempt left running on these
 * numbers; when the earlier job landed with this PIN, its outcome is returned and nothing written.
 * A POST whose answer was lost is found among the jobs listed before the newest one seen just
 * before it (no clocks compared) by its numbers. A job refused because a number left the account
 * is started again without it.
 */
export const setPortOutPinBatch: KindExecutor<TelnyxClient> = async (ctx, action, recheck, options) => {
  const ids = textListParam(action, 'ids');
  const pin = portOutPinFor(options?.seed);
  if (recheck) {
    const landed = await recheckBatch(ctx, ids, pin, options?.seed !== undefined);
    if (landed) return outcomeOf(action, landed, pin);
  }
  const started = await startJob(ctx, ids, pin);
  if (started === null) return { result: { pinSet: 0, note: 'no number of the batch is on the account' } };
  return outcomeOf(action, await settleJob(ctx.client.phoneNumbersJobs, started.id), pin);
};
