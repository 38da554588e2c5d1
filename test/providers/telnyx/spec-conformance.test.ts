import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/providers/http/types.js';
import { createTelnyxClient, type TelnyxClient } from '../../../src/providers/telnyx/client.js';
import { KITCHEN_SINK, SECRET_MARK } from './support/kitchen-sink.js';
import { createRecordingHttp, type RecordedRequest } from './support/recording-http.js';
import { CALLS, NEW_PASSWORD } from './support/sample-calls.js';
import { loadSpecSubset, operationsForPath, type SpecOperation } from './support/spec-subset.js';

const subset = loadSpecSubset();
/** Answers with the kitchen sink as a one-page listing or as a single object, whichever the schema takes. */
function respond(req: HttpRequest<unknown>): unknown {
  const page = {
    data: [KITCHEN_SINK],
    meta: { page_number: 1, page_size: 250, total_pages: 1, total_results: 1 },
  };
  if (req.schema.safeParse(page).success) return page;
  // A few operations (the API allow-list's) answer with the record itself, not in `data`.
  return req.schema.safeParse({ data: KITCHEN_SINK }).success ? { data: KITCHEN_SINK } : KITCHEN_SINK;
}

function methodsOf(client: TelnyxClient): [string, (...args: unknown[]) => Promise<unknown>][] {
  return Object.entries(client).flatMap(([group, api]) =>
    Object.entries(api as Record<string, (...args: unknown[]) => Promise<unknown>>).map(
      ([name, fn]) => [`${group}.${name}`, fn] as [string, (...args: unknown[]) => Promise<unknown>],
    ),
  );
}

async function driveEveryMethod(): Promise<{ requests: RecordedRequest[]; results: unknown[] }> {
  const { http, requests } = createRecordingHttp(respond);
  const client = createTelnyxClient(http);
  const results: unknown[] = [];
  const methods = methodsOf(client);
  const stale = Object.keys(CALLS).filter((name) => !methods.some(([m]) => m === name));
  if (stale.length > 0) throw new Error(`CALLS names methods the client lacks: ${stale.join(', ')}`);
  for (const [name, fn] of methods) {
    const calls = CALLS[name];
    if (!calls) throw new Error(`no sample call for ${name}: add it to CALLS`);
    for (const args of calls) results.push(await fn(...args));
  }
  return { requests, results };
}

function matchOperation(req: RecordedRequest): SpecOperation {
  const candidates = operationsForPath(subset, req.path);
  expect(candidates, `no spec operation has a path matching ${req.path}`).not.toHaveLength(0);
  const op = candidates.find((c) => c.method === req.method);
  if (!op) {
    const allowed = candidates.map((c) => `${c.method} ${c.path}`).join(', ');
    throw new Error(`${req.method} ${req.path} is not in the spec; it has ${allowed}`);
  }
  return op;
}

function checkBody(req: RecordedRequest, op: SpecOperation): void {
  const where = `${op.operationId} (${req.operation})`;
  if (op.requestBody === null) {
    expect(req.body, `${where} takes no body`).toBeUndefined();
    return;
  }
  expect(req.body, `${where} needs a JSON object body`).toBeTypeOf('object');
  const body = req.body as Record<string, unknown>;
  const keys = Object.keys(body);
  for (const key of keys) expect(op.requestBody.properties, `${where}: body field`).toContain(key);
  for (const key of op.requestBody.required) expect(keys, `${where}: required body field`).toContain(key);
  for (const key of op.requestBody.readOnly ?? [])
    expect(keys, `${where}: read-only field`).not.toContain(key);
  for (const [key, value] of Object.entries(body)) {
    const nested = op.requestBody.objects?.[key];
    if (!nested || value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const nestedKeys = Object.keys(value);
    for (const k of nestedKeys) expect(nested.properties, `${where}: ${key}.${k}`).toContain(k);
    for (const k of nested.required) expect(nestedKeys, `${where}: required ${key}.${k}`).toContain(k);
  }
}

/** Listings read only a few of the newest records, in small pages (each job lists up to 1,000 numbers). */
const BOUNDED_LOOKS = new Set(['ListPhoneNumbersJobs']);

function checkQuery(req: RecordedRequest, op: SpecOperation): void {
  for (const key of Object.keys(req.query))
    expect(op.query, `${op.operationId}: query parameter`).toContain(key);
  if (op.page === null) return;
  const size = req.query['page[size]'];
  if (BOUNDED_LOOKS.has(op.operationId)) {
    expect(Number(size), `${op.operationId}: page[size]`).toBeGreaterThanOrEqual(1);
    expect(Number(size), `${op.operationId}: page[size]`).toBeLessThanOrEqual(op.page.maxSize ?? 0);
  } else {
    // Listings read at the largest page size the spec allows; where it names no maximum, its example size.
    expect(size, `${op.operationId}: page[size]`).toBe(String(op.page.maxSize ?? op.page.exampleSize));
  }
  expect(req.query['page[number]'], `${op.operationId}: page[number]`).toBe('1');
}

/** The fields our schema kept (the parsed object's keys) must all be named in the spec's response. */
function checkResponseFields(req: RecordedRequest, op: SpecOperation): void {
  const data =
    (req.parsed as { data?: unknown } | undefined)?.data ??
    (req.parsed as { profile?: unknown } | undefined)?.profile ??
    req.parsed ??
    {};
  // A listing's records come as a `Listing`: `{ items, unreadable }`.
  const records = (data as { items?: unknown[] }).items;
  const item = (Array.isArray(records) ? records[0] : data) as Record<string, unknown>;
  for (const [key, value] of Object.entries(item)) {
    // `<field>_set` says whether a secret field is set, without the secret (a number's `external_pin`).
    const field = key.endsWith('_set') && !op.response.dataFields.includes(key) ? key.slice(0, -4) : key;
    expect(op.response.dataFields, `${op.operationId}: response field`).toContain(field);
    const nested = op.response.objects?.[key];
    if (nested && value !== null && typeof value === 'object') {
      for (const k of Object.keys(value))
        expect(nested, `${op.operationId}: response field ${key}.${k}`).toContain(k);
    }
  }
}

describe('Telnyx client against the official OpenAPI spec', () => {
  it('when the subset fixture is read, then it names the spec it was extracted from', () => {
    expect(subset.source.repo).toBe('team-telnyx/openapi');
    expect(subset.source.path).toBe('openapi/spec3.yml');
    expect(subset.source.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('when every client method runs, then each request matches a spec operation: method, query and body', async () => {
    const { requests } = await driveEveryMethod();
    expect(requests.length).toBeGreaterThan(0);
    for (const req of requests) {
      const op = matchOperation(req);
      checkQuery(req, op);
      checkBody(req, op);
    }
  });

  it('when every client method runs, then every operation in the fixture is exercised', async () => {
    const { requests } = await driveEveryMethod();
    const used = new Set(requests.map((req) => matchOperation(req).operationId));
    const unused = subset.operations.map((op) => op.operationId).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it('when responses are parsed, then every field the client keeps is one the spec documents', async () => {
    const { requests } = await driveEveryMethod();
    for (const req of requests) checkResponseFields(req, matchOperation(req));
  });

  it('when responses carry secrets, then no parsed result holds one', async () => {
    const { results, requests } = await driveEveryMethod();
    expect(JSON.stringify(results)).not.toContain(SECRET_MARK);
    expect(JSON.stringify(requests.map((r) => r.operation))).not.toContain(NEW_PASSWORD);
  });
});
