// The bulk number jobs (spec tag "Bulk Phone Number Operations"): one update on up to 1,000 numbers, applied in the background.
import type { JsonObject, SimPhoneNumber } from './account-state.js';
import { applyNumberFields } from './handle-phone-numbers.js';
import { pageBody, parsePage } from './list-query.js';
import type { SimPhoneNumbersJob } from './number-job-state.js';
import { NUMBER_TYPES } from './phone-number-views.js';
import type { SimContext } from './sim-context.js';
import { jsonResponse, type SimResponse, telnyxErrors } from './sim-http.js';
import { validateBody } from './validate-body.js';

/** Spec: "At most one thousand numbers can be updated per API call". */
const MAX_NUMBERS = 1_000;
/** Spec example `Maximum20JobsAllowed`: "You can have at most 20 pending or in progress jobs". */
const MAX_OPEN_JOBS = 20;
const E164 = /^\+[1-9][0-9]{1,14}$/;
/** The updateable fields the simulator applies: the number's own, and the deletion lock. */
const JOB_TYPES = { ...NUMBER_TYPES, deletion_lock_enabled: 'boolean' } as const;

function jobs(ctx: SimContext): SimPhoneNumbersJob[] {
  ctx.state.phoneNumberJobs ??= [];
  return ctx.state.phoneNumberJobs;
}

function view(job: SimPhoneNumbersJob): JsonObject {
  const { update: _update, readsLeft: _reads, ...shown } = structuredClone(job);
  return shown;
}

const refuse = (detail: string) => telnyxErrors.invalidField('phone_numbers', detail);

/** The numbers a body names, or the spec's 422 for a list that is missing, empty, too long, mixed or not all owned. */
function namedNumbers(ctx: SimContext, given: unknown): SimPhoneNumber[] | SimResponse {
  if (!Array.isArray(given) || !given.every((v) => typeof v === 'string')) {
    return refuse('You must provide phone numbers.');
  }
  if (given.length === 0) return refuse('You must provide at least 1 phone number.');
  if (given.length > MAX_NUMBERS) return refuse('1000 numbers is the maximum allowed.');
  const e164 = given.filter((v) => E164.test(v)).length;
  if (e164 !== 0 && e164 !== given.length) {
    return refuse('You must specify either all phone numbers in the e164 format or all as phone number ids');
  }
  const found = numbersBy(ctx, e164 === 0 ? 'id' : 'phone_number', given);
  if (found.length < new Set(given).size) return refuse('You must own every number in the bulk request');
  return found;
}

/** The account's numbers whose `key` is one of `values`, in account order: one pass, no index of all. */
function numbersBy(
  ctx: SimContext,
  key: 'id' | 'phone_number',
  values: readonly unknown[],
): SimPhoneNumber[] {
  const wanted = new Set(values);
  return ctx.state.phoneNumbers.filter((n) => wanted.has(n[key]));
}

export function createUpdateNumbersJob(ctx: SimContext, body: unknown): SimResponse {
  const input = (body ?? {}) as JsonObject;
  const problem = validateBody(input, { required: [], types: JOB_TYPES });
  if (problem) return problem;
  const update: JsonObject = {};
  for (const field of Object.keys(JOB_TYPES)) if (input[field] !== undefined) update[field] = input[field];
  const numbers = namedNumbers(ctx, input.phone_numbers);
  if (!Array.isArray(numbers)) return numbers;
  if (Object.keys(update).length === 0) {
    return telnyxErrors.invalidField('updateable_fields', 'You must provide at least 1 updateable field.');
  }
  if (jobs(ctx).filter((j) => j.status !== 'completed').length >= MAX_OPEN_JOBS) {
    return telnyxErrors.invalidField('base', 'You can have at most 20 pending or in progress jobs');
  }
  const now = ctx.now();
  const named = numbers.map((n) => ({ id: n.id, phone_number: n.phone_number }));
  const job: SimPhoneNumbersJob = {
    id: ctx.random.uuid(),
    record_type: 'phone_numbers_job',
    type: 'update_phone_numbers',
    status: 'pending',
    phone_numbers: named.map((n) => ({ id: n.id })),
    successful_operations: [],
    pending_operations: named,
    failed_operations: [],
    created_at: now,
    updated_at: now,
    etc: now,
    update,
    readsLeft: Math.max(1, ctx.answers.jobReadsToFinish),
  };
  jobs(ctx).push(job);
  return jsonResponse(202, { data: view(job) });
}

/** One read of a job: it moves on, and at its last read writes every number still on the account. */
function advance(ctx: SimContext, job: SimPhoneNumbersJob): void {
  if (job.status === 'completed') return;
  job.readsLeft -= 1;
  job.updated_at = ctx.now();
  if (job.readsLeft > 0) {
    job.status = 'in_progress';
    return;
  }
  const byId = new Map(
    numbersBy(
      ctx,
      'id',
      job.pending_operations.map((op) => op.id),
    ).map((n) => [n.id, n]),
  );
  for (const op of job.pending_operations) {
    const n = byId.get(String(op.id));
    if (n) {
      applyNumberFields(ctx, n, structuredClone(job.update));
      job.successful_operations.push(op);
    } else {
      job.failed_operations.push({
        ...op,
        errors: [
          {
            code: '10005',
            title: 'Resource not found',
            detail: 'The phone number is no longer on the account.',
          },
        ],
      });
    }
  }
  job.pending_operations = [];
  job.status = 'completed';
}

export function getNumbersJob(ctx: SimContext, id: string): SimResponse {
  const job = jobs(ctx).find((j) => j.id === id);
  if (!job) return telnyxErrors.notFound();
  advance(ctx, job);
  return jsonResponse(200, { data: view(job) });
}

/** `GET /phone_numbers/jobs`: newest first (the spec's default), `filter[type]`, paged. */
export function listNumbersJobs(ctx: SimContext, query: URLSearchParams): SimResponse {
  const page = parsePage(query, 20);
  if ('status' in page) return page;
  const type = query.get('filter[type]');
  const all = [...jobs(ctx)].reverse().filter((j) => type === null || j.type === type);
  const body = pageBody(all, page);
  const shown = body.data as SimPhoneNumbersJob[];
  for (const job of shown) advance(ctx, job);
  body.data = shown.map(view);
  return jsonResponse(200, body);
}
