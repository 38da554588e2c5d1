import type { JsonObject } from './account-state.js';
import { listRecords } from './list-query.js';
import { appendAuditEvent, diffRecords } from './record-audit.js';
import { mergeInto, newRecord, normaliseRecord } from './record-defaults.js';
import { cascadeDelete, checkResourceRules } from './resource-checks.js';
import type { ResourceSpec } from './resource-spec.js';
import { newId, recordContext, type SimContext } from './sim-context.js';
import { jsonResponse, type SimResponse, telnyxErrors } from './sim-http.js';
import { validateBody } from './validate-body.js';

function collection(ctx: SimContext, spec: ResourceSpec): JsonObject[] {
  return ctx.state[spec.key];
}

function writableFields(spec: ResourceSpec, body: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const field of spec.writable) if (body[field] !== undefined) out[field] = body[field];
  return out;
}

/** Body checks in the order Telnyx reports them: shape, required fields, types, resource rules. */
function checkBody(
  ctx: SimContext,
  spec: ResourceSpec,
  body: unknown,
  required: readonly string[],
  selfId: string | undefined,
): JsonObject | SimResponse {
  const problem = validateBody(body ?? {}, { required, types: spec.types });
  if (problem) return problem;
  const fields = writableFields(spec, body as JsonObject);
  return checkResourceRules(spec, fields, ctx.state, selfId) ?? fields;
}

function isResponse(value: JsonObject | SimResponse): value is SimResponse {
  return typeof value.status === 'number' && 'body' in value && 'headers' in value;
}

export function listCollection(ctx: SimContext, spec: ResourceSpec, query: URLSearchParams): SimResponse {
  return listRecords(collection(ctx, spec), spec, query, (r) => structuredClone(r));
}

export function getRecord(ctx: SimContext, spec: ResourceSpec, id: string): SimResponse {
  const record = collection(ctx, spec).find((r) => r.id === id);
  return record ? jsonResponse(200, { data: structuredClone(record) }) : telnyxErrors.notFound();
}

export function createRecord(ctx: SimContext, spec: ResourceSpec, body: unknown): SimResponse {
  const fields = checkBody(ctx, spec, body, spec.createRequired, undefined);
  if (isResponse(fields)) return fields;
  const rc = recordContext(ctx, newId(ctx, spec.idKind));
  const record = newRecord<JsonObject>(spec.recordType, rc, fields);
  collection(ctx, spec).push(record);
  appendAuditEvent(ctx.state, {
    id: ctx.random.uuid(),
    at: rc.at,
    changeType: 'create',
    resourceId: rc.id,
    changes: diffRecords({}, record),
  });
  ctx.recordWrite(rc.id);
  return jsonResponse(spec.createStatus, { data: structuredClone(record) });
}

export function updateRecord(ctx: SimContext, spec: ResourceSpec, id: string, body: unknown): SimResponse {
  const record = collection(ctx, spec).find((r) => r.id === id);
  if (!record) return telnyxErrors.notFound();
  const fields = checkBody(ctx, spec, body, spec.patchRequired, id);
  if (isResponse(fields)) return fields;
  const before = structuredClone(record);
  mergeInto(record, fields);
  normaliseRecord(record);
  const now = ctx.now();
  record.updated_at = now;
  // An on-demand credential whose `expires_at` has come stops working, and says so.
  if (spec.recordType === 'credential' && typeof record.expires_at === 'string') {
    record.expired = Date.parse(record.expires_at) <= Date.parse(now);
  }
  appendAuditEvent(ctx.state, {
    id: ctx.random.uuid(),
    at: record.updated_at as string,
    changeType: 'update',
    resourceId: id,
    changes: diffRecords(before, record),
  });
  ctx.recordWrite(id);
  return jsonResponse(200, { data: structuredClone(record) });
}

export function deleteRecord(ctx: SimContext, spec: ResourceSpec, id: string): SimResponse {
  const records = collection(ctx, spec);
  const index = records.findIndex((r) => r.id === id);
  const record = records[index];
  if (!record) return telnyxErrors.notFound();
  records.splice(index, 1);
  cascadeDelete(ctx.state, id);
  appendAuditEvent(ctx.state, {
    id: ctx.random.uuid(),
    at: ctx.now(),
    changeType: 'delete',
    resourceId: id,
    changes: null,
  });
  ctx.recordWrite(id);
  return jsonResponse(200, { data: record });
}
