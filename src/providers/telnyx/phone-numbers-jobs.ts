import { setTimeout as sleep } from 'node:timers/promises';
import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { TelnyxClientError } from './errors.js';
import { listAll } from './pagination.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';
import { type PhoneNumbersJob, phoneNumbersJobSchema } from './schemas/phone-numbers-jobs.js';

/** The spec's cap on one bulk update: "At most one thousand numbers can be updated per API call". */
export const TELNYX_JOB_MAX_NUMBERS = 1_000;

/** Statuses after which a job changes nothing more (spec `PhoneNumbersJob.status`). */
export const JOB_FINISHED: ReadonlySet<string> = new Set(['completed', 'failed', 'expired']);

/** How long `settle` polls, and its pauses: at once, then doubling from `firstPauseMs` up to `maxPauseMs`. */
export interface SettleLimits {
  timeoutMs: number;
  firstPauseMs: number;
  maxPauseMs: number;
}

/** `page[size]` of a look at the newest jobs (the spec allows 1–250). */
const JOB_PAGE_SIZE = 50;

const SETTLE: SettleLimits = { timeoutMs: 15 * 60_000, firstPauseMs: 250, maxPauseMs: 10_000 };

/**
 * The bulk number jobs (spec tag "Bulk Phone Number Operations"): `POST
 * /phone_numbers/jobs/update_phone_numbers` starts one (202, `pending`), `GET /phone_numbers/jobs/{id}`
 * follows it, `GET /phone_numbers/jobs` lists them newest first. Telnyx allows "at most 20 pending
 * or in progress jobs" per account.
 */
export interface PhoneNumbersJobsApi {
  /** One job setting `external_pin` on up to 1,000 numbers given by id; the PIN goes into the body alone. */
  setExternalPins(ids: readonly string[], pin: string): Promise<PhoneNumbersJob>;
  get(id: string): Promise<PhoneNumbersJob>;
  /**
   * The newest `update_phone_numbers` jobs, at most `pages` pages of `size` (default 50): a bounded
   * look, not the history. Pages are kept small because each job lists up to 1,000 numbers.
   */
  recentUpdates(pages: number, size?: number): Promise<Listing<PhoneNumbersJob>>;
}

export function createPhoneNumbersJobsApi(http: ProviderHttp): PhoneNumbersJobsApi {
  const item = phoneNumbersJobSchema;
  const get = (id: string) =>
    requestData(http, {
      method: 'GET',
      path: resourcePath('/phone_numbers/jobs', id),
      id,
      operation: 'get phone numbers job',
      item,
    });
  return {
    setExternalPins: (ids, pin) =>
      requestData(http, {
        method: 'POST',
        path: '/phone_numbers/jobs/update_phone_numbers',
        operation: 'start phone numbers job (port-out PINs)',
        item,
        body: { phone_numbers: [...ids], external_pin: pin },
      }),
    get,
    recentUpdates: (pages, size = JOB_PAGE_SIZE) =>
      listAll(http, {
        path: '/phone_numbers/jobs',
        operation: 'list phone numbers jobs',
        item,
        pageSize: size,
        query: { 'filter[type]': 'update_phone_numbers' },
        maxPages: pages,
      }),
  };
}

/** Reads the job until it is finished; one still running at `timeoutMs` is `telnyx_job_unfinished`. */
export async function settleJob(
  jobs: PhoneNumbersJobsApi,
  id: string,
  limits: Partial<SettleLimits> = {},
): Promise<PhoneNumbersJob> {
  const { timeoutMs, firstPauseMs, maxPauseMs } = { ...SETTLE, ...limits };
  const deadline = Date.now() + timeoutMs;
  for (let pause = firstPauseMs; ; pause = Math.min(pause * 2, maxPauseMs)) {
    const job = await jobs.get(id);
    if (job.status !== null && JOB_FINISHED.has(job.status)) return job;
    if (Date.now() + pause > deadline) {
      throw new TelnyxClientError(
        'telnyx_job_unfinished',
        `Telnyx phone numbers job ${id} was still ${job.status ?? 'without a status'} after ${Math.round(timeoutMs / 1000)} s; Retry follows it again.`,
        { details: { jobId: id, status: job.status } },
      );
    }
    await sleep(pause);
  }
}
