import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/providers/http/types.js';
import { createSendgridClient, type SendgridClient } from '../../../src/providers/sendgrid/index.js';
import { createRecordingHttp, type RecordedRequest } from '../telnyx/support/recording-http.js';
import { CALLS } from './support/sample-calls.js';
import { PII_MARK, SAMPLE_ITEMS, SECRET_MARK } from './support/sample-items.js';
import { findOperation, loadSendgridSubset, type SendgridSpecOperation } from './support/spec-subset.js';

const subset = loadSendgridSubset();

function operationOf(req: { method: string; path: string }): SendgridSpecOperation {
  const op = findOperation(subset, req.method, req.path);
  if (!op) throw new Error(`${req.method} ${req.path} is not an operation of the spec subset`);
  return op;
}

/** The spec's own envelope around the operation's sample item: what SendGrid would answer. */
function respond(req: HttpRequest<unknown>): unknown {
  const op = operationOf(req);
  if (op.response.status === 204) return undefined;
  const sample = SAMPLE_ITEMS[op.operationId] as Record<string, unknown> | undefined;
  if (sample === undefined) throw new Error(`no sample item for ${op.operationId}`);
  // Only what the spec documents for this operation, so the client is tested on the spec's shape.
  const item = Object.fromEntries(Object.entries(sample).filter(([k]) => op.response.fields.includes(k)));
  if (op.response.container === null) return item;
  if (op.response.container === '[]') return [item];
  return {
    [op.response.container]: [item],
    ...(op.response.topFields?.includes('max_allowed') ? { max_allowed: 5 } : {}),
  };
}

type Method = (...args: unknown[]) => Promise<unknown>;

function methodsOf(client: SendgridClient): [string, Method][] {
  return Object.entries(client).flatMap(([group, api]) =>
    api !== null && typeof api === 'object'
      ? Object.entries(api as Record<string, Method>).map(
          ([name, fn]) => [`${group}.${name}`, fn] as [string, Method],
        )
      : [],
  );
}

async function driveEveryMethod(): Promise<{
  requests: RecordedRequest[];
  results: Record<string, unknown[]>;
}> {
  const { http, requests } = createRecordingHttp(respond);
  const client = createSendgridClient(http);
  const results: Record<string, unknown[]> = {};
  const methods = methodsOf(client);
  const stale = Object.keys(CALLS).filter((name) => !methods.some(([m]) => m === name));
  if (stale.length > 0) throw new Error(`CALLS names methods the client lacks: ${stale.join(', ')}`);
  for (const [name, fn] of methods) {
    const calls = CALLS[name];
    if (!calls) throw new Error(`no sample call for ${name}: add it to CALLS`);
    results[name] = [];
    for (const args of calls) results[name].push(await fn(...args));
  }
  return { requests, results };
}

function checkQuery(req: RecordedRequest, op: SendgridSpecOperation): void {
  for (const [key, value] of Object.entries(req.query)) {
    expect(op.query, `${op.operationId}: query parameter`).toContain(key);
    const max = op.queryMaximum?.[key];
    if (max !== undefined)
      expect(Number(value), `${op.operationId}: ${key} ≤ ${max}`).toBeLessThanOrEqual(max);
  }
}

function checkBody(req: RecordedRequest, op: SendgridSpecOperation): void {
  const where = `${op.operationId} (${req.operation})`;
  if (op.requestBody === null) {
    expect(req.body, `${where} takes no body`).toBeUndefined();
    return;
  }
  expect(req.body, `${where} needs a JSON object body`).toBeTypeOf('object');
  const body = req.body as Record<string, unknown>;
  for (const key of Object.keys(body))
    expect(op.requestBody.properties, `${where}: body field`).toContain(key);
  for (const key of op.requestBody.required)
    expect(Object.keys(body), `${where}: required field`).toContain(key);
  for (const [key, nested] of Object.entries(op.requestBody.arrays ?? {})) {
    for (const item of (body[key] as Record<string, unknown>[] | undefined) ?? []) {
      for (const k of Object.keys(item)) expect(nested.properties, `${where}: ${key}[].${k}`).toContain(k);
      for (const k of nested.required)
        expect(Object.keys(item), `${where}: required ${key}[].${k}`).toContain(k);
    }
  }
}

/** The fields our schema kept (non-null) must all be fields the spec documents for the response. */
function checkResponseFields(req: RecordedRequest, op: SendgridSpecOperation): void {
  if (op.response.status === 204) return;
  const parsed = req.parsed as Record<string, unknown>;
  const container = op.response.container;
  // Listings parse their records one by one into `{ items, unreadable }`; writes keep plain arrays.
  const records = (v: unknown): unknown[] =>
    v !== null && typeof v === 'object' && 'items' in v
      ? (v as { items: unknown[] }).items
      : (v as unknown[]);
  // GetApiKey's answer is read in either shape and comes out as the one key.
  let item: unknown =
    container === null || op.operationId === 'GetApiKey'
      ? parsed
      : container === '[]'
        ? records(parsed)[0]
        : records(parsed[container])[0];
  if (op.operationId === 'CreateApiKey') {
    const created = parsed as { key: Record<string, unknown>; secret: string };
    expect(op.response.fields, 'CreateApiKey: the secret comes from').toContain('api_key');
    item = created.key;
  }
  // A field the schema keeps as null when the response lacks it is not read from the response.
  for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
    if (value !== null) expect(op.response.fields, `${op.operationId}: response field`).toContain(key);
  }
}

describe('SendGrid client against the official OpenAPI spec (twilio/sendgrid-oai)', () => {
  it('when the subset fixture is read, then it names the spec commit it was extracted from', () => {
    expect(subset.source.repo).toBe('twilio/sendgrid-oai');
    expect(subset.source.commit).toMatch(/^[0-9a-f]{40}$/);
    for (const op of subset.operations)
      expect(op.file, op.operationId).toMatch(/^spec\/json\/tsg_\w+_v3\.json$/);
  });

  it('when every client method runs, then each request is a spec operation with its query and body', async () => {
    const { requests } = await driveEveryMethod();
    expect(requests.length).toBeGreaterThan(20);
    for (const req of requests) {
      const op = operationOf(req);
      checkQuery(req, op);
      checkBody(req, op);
    }
  });

  it('when every client method runs, then every operation in the fixture is exercised', async () => {
    const { requests } = await driveEveryMethod();
    const used = new Set(requests.map((req) => operationOf(req).operationId));
    expect(subset.operations.map((op) => op.operationId).filter((id) => !used.has(id))).toEqual([]);
  });

  it('when responses are parsed, then every field the client keeps is one the spec documents', async () => {
    const { requests } = await driveEveryMethod();
    for (const req of requests) checkResponseFields(req, operationOf(req));
  });

  it('when responses carry keys and personal data, then only the new key value survives, and only as `secret`', async () => {
    const { results } = await driveEveryMethod();
    const { 'apiKeys.create': created, ...rest } = results;
    expect(JSON.stringify(rest)).not.toContain(SECRET_MARK);
    expect(JSON.stringify(results)).not.toContain(PII_MARK);
    expect(created?.[0]).toMatchObject({
      key: { api_key_id: 'key-0001' },
      secret: `SG.key-0001.${SECRET_MARK}`,
    });
  });
});
