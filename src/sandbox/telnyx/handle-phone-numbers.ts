import { findConnection } from './account.js';
import type { JsonObject, SimPhoneNumber } from './account-state.js';
import { findById } from './find-by-id.js';
import { listLazily } from './list-query.js';
import {
  connectionNames,
  FORWARDING_TYPES,
  NUMBER_LIST,
  NUMBER_TYPES,
  NUMBER_WRITABLE,
  numberView,
  VOICE_LIST,
  VOICE_TYPES,
  VOICE_WRITABLE,
  voiceView,
} from './phone-number-views.js';
import { appendAuditEvent, diffRecords } from './record-audit.js';
import { mergeInto } from './record-defaults.js';
import type { SimContext } from './sim-context.js';
import { jsonResponse, type SimResponse, telnyxErrors } from './sim-http.js';
import { validateBody } from './validate-body.js';

/**
 * Drops the fields a view carries only so listings can filter and sort on them. A shallow copy:
 * the answer is serialized as soon as it is made, and a deep clone of each of 250 numbers a page
 * was a third of what the simulator spent on a 100,000-number listing.
 */
function without(view: JsonObject, field: string): JsonObject {
  const { [field]: _dropped, ...out } = view;
  return out;
}

function pick(body: JsonObject, fields: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const field of fields) if (body[field] !== undefined) out[field] = body[field];
  return out;
}

function find(ctx: SimContext, id: string): SimPhoneNumber | undefined {
  return findById(ctx.state.phoneNumbers, id);
}

/** Records an update of `n`: the changes between `before` and `after` (the number, or the fields written). */
function audit(ctx: SimContext, n: SimPhoneNumber, before: JsonObject, after: JsonObject = n): void {
  appendAuditEvent(ctx.state, {
    id: ctx.random.uuid(),
    at: n.updated_at,
    changeType: 'update',
    resourceId: n.id,
    alternateResourceId: n.phone_number,
    changes: diffRecords(before, after),
  });
  ctx.recordWrite(n.id);
}

export function listPhoneNumbers(ctx: SimContext, query: URLSearchParams): SimResponse {
  const names = connectionNames(ctx.state);
  const toView = (n: SimPhoneNumber) => numberView(n, ctx.state, names);
  return listLazily(ctx.state.phoneNumbers, NUMBER_LIST, query, toView, (v) =>
    without(v, 'usage_payment_method'),
  );
}

export function listVoiceSettings(ctx: SimContext, query: URLSearchParams): SimResponse {
  const names = connectionNames(ctx.state);
  const toView = (n: SimPhoneNumber) => voiceView(n, names);
  return listLazily(ctx.state.phoneNumbers, VOICE_LIST, query, toView, (v) => without(v, 'connection_name'));
}

export function getPhoneNumber(ctx: SimContext, id: string, voice: boolean): SimResponse {
  const n = find(ctx, id);
  if (!n) return telnyxErrors.notFound();
  const names = connectionNames(ctx.state);
  const data = voice
    ? without(voiceView(n, names), 'connection_name')
    : without(numberView(n, ctx.state, names), 'usage_payment_method');
  return jsonResponse(200, { data });
}

export function updatePhoneNumber(ctx: SimContext, id: string, body: unknown): SimResponse {
  const n = find(ctx, id);
  if (!n) return telnyxErrors.notFound();
  const input = (body ?? {}) as JsonObject;
  const problem = validateBody(input, { required: [], types: NUMBER_TYPES });
  if (problem) return problem;
  const fields = pick(input, NUMBER_WRITABLE);
  const connectionId = fields.connection_id;
  if (typeof connectionId === 'string' && connectionId !== '' && !findConnection(ctx.state, connectionId)) {
    return telnyxErrors.invalidField(
      'connection_id',
      'connection_id must be the id of one of your connections.',
    );
  }
  if (connectionId === '') fields.connection_id = null;
  applyNumberFields(ctx, n, fields);
  return getPhoneNumber(ctx, id, false);
}

/**
 * Writes checked top-level fields onto a number: `updated_at` moves, the audit log and the write
 * count record it. Only the written fields are compared (a bulk job writes 1,000 numbers at once).
 */
export function applyNumberFields(ctx: SimContext, n: SimPhoneNumber, fields: JsonObject): void {
  const keys = Object.keys(fields);
  const before = structuredClone(pick(n, keys));
  mergeInto(n, fields);
  n.updated_at = ctx.now();
  audit(ctx, n, before, pick(n, keys));
}

export function updateVoiceSettings(ctx: SimContext, id: string, body: unknown): SimResponse {
  const n = find(ctx, id);
  if (!n) return telnyxErrors.notFound();
  const input = (body ?? {}) as JsonObject;
  const problem =
    validateBody(input, { required: [], types: VOICE_TYPES }) ??
    (input.call_forwarding === undefined
      ? undefined
      : validateBody(input.call_forwarding, { required: [], types: FORWARDING_TYPES }, 'call_forwarding'));
  if (problem) return problem;
  const forwarding = input.call_forwarding as JsonObject | undefined;
  if (forwarding?.forwards_to === '' && ctx.answers.blankForwardsTo === 'refuse') {
    return telnyxErrors.invalidField(
      'call_forwarding.forwards_to',
      'call_forwarding.forwards_to must be a +E.164-formatted phone number.',
    );
  }
  const before = structuredClone(n);
  mergeInto(n.voice, pick(input, VOICE_WRITABLE));
  n.updated_at = ctx.now();
  audit(ctx, n, before);
  return getPhoneNumber(ctx, id, true);
}

export function deletePhoneNumber(ctx: SimContext, id: string): SimResponse {
  const index = ctx.state.phoneNumbers.findIndex((n) => n.id === id);
  const n = ctx.state.phoneNumbers[index];
  if (!n) return telnyxErrors.notFound();
  const data = without(numberView(n, ctx.state, connectionNames(ctx.state)), 'usage_payment_method');
  ctx.state.phoneNumbers.splice(index, 1);
  appendAuditEvent(ctx.state, {
    id: ctx.random.uuid(),
    at: ctx.now(),
    changeType: 'delete',
    resourceId: id,
    alternateResourceId: n.phone_number,
    changes: null,
  });
  ctx.recordWrite(id);
  return jsonResponse(200, { data });
}
