import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/providers/http/types.js';
import { createTwilioClient, type TwilioClient } from '../../../src/providers/twilio/index.js';
import { KITCHEN_SINK, SECRET_MARK, SECRET_RETURNING } from './support/kitchen-sink.js';
import { type RecordedRequest, recordingConnect } from './support/recording-transport.js';
import { CALLS, NEW_PASSWORD } from './support/sample-calls.js';
import { findOperation, loadTwilioSpecSubset, matchPath, type SpecOperation } from './support/spec-subset.js';
import { ACCOUNT_SID, AUTH_TOKEN } from './support/twilio-nock.js';

const subset = loadTwilioSpecSubset();

/** Answers as the spec's operation would: a one-item page, an object, or nothing for a 204. */
function respond(host: string, req: HttpRequest<unknown>): unknown {
  const op = findOperation(subset, host, req.method, req.path);
  if (!op) return KITCHEN_SINK;
  if (op.response.listKey) return { [op.response.listKey]: [KITCHEN_SINK], next_page_uri: null, page: 0 };
  return op.response.status === 204 ? undefined : KITCHEN_SINK;
}

type Method = (...args: unknown[]) => Promise<unknown>;

function methodsOf(client: TwilioClient): [string, Method][] {
  return Object.entries(client)
    .filter(([, value]) => value !== null && typeof value === 'object')
    .flatMap(([group, api]) =>
      Object.entries(api as Record<string, Method>).map(([name, fn]): [string, Method] => [
        `${group}.${name}`,
        fn,
      ]),
    );
}

async function driveEveryMethod() {
  const { connect, requests } = recordingConnect(respond);
  const client = createTwilioClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, connect });
  const methods = methodsOf(client);
  const stale = Object.keys(CALLS).filter((name) => !methods.some(([m]) => m === name));
  if (stale.length > 0) throw new Error(`CALLS names methods the client lacks: ${stale.join(', ')}`);
  const results: { method: string; result: unknown }[] = [];
  for (const [name, fn] of methods) {
    const calls = CALLS[name];
    if (!calls) throw new Error(`no sample call for ${name}: add it to CALLS`);
    for (const args of calls) results.push({ method: name, result: await fn(...args) });
  }
  return { requests, results };
}

function operationOf(req: RecordedRequest): SpecOperation {
  const op = findOperation(subset, req.host, req.method, req.path);
  if (!op)
    throw new Error(
      `${req.method} ${req.host}${req.path} (${req.operation}) is not an operation of the spec`,
    );
  return op;
}

function checkRequest(req: RecordedRequest, op: SpecOperation): void {
  const where = `${op.operationId} (${req.operation})`;
  const params = matchPath(op, req.path) ?? {};
  for (const { name, pattern } of op.pathParams)
    expect(params[name], `${where}: path ${name}`).toMatch(new RegExp(pattern));
  for (const key of Object.keys(req.query)) expect(op.query, `${where}: query parameter`).toContain(key);
  for (const key of op.requiredQuery)
    expect(Object.keys(req.query), `${where}: required query`).toContain(key);
  if (op.page) expect(req.query.PageSize, `${where}: PageSize`).toBe(String(op.page.maxSize));
  if (op.requestBody === null) {
    expect(req.form, `${where} takes no body`).toBeUndefined();
    return;
  }
  const form = req.form ?? {};
  for (const key of Object.keys(form))
    expect(op.requestBody.properties, `${where}: body field`).toContain(key);
  for (const key of op.requestBody.required)
    expect(Object.keys(form), `${where}: required field`).toContain(key);
  for (const [key, values] of Object.entries(op.requestBody.enums)) {
    if (form[key] !== undefined) expect(values, `${where}: ${key}`).toContain(form[key]);
  }
}

/** The keys the client kept of one answer object; each must be a field the spec documents. */
function keptFields(parsed: unknown): string[] {
  if (parsed === null || typeof parsed !== 'object') return [];
  // A listing's page holds its records as a `Listing` (`records` for 2010 pages, `keys` for iam v1).
  // A listing's page holds its records as a `Listing` under its key (`records`, `keys`, `events`, …).
  const page = parsed as Record<string, { items?: unknown } | null | undefined>;
  const own = (parsed as { items?: unknown }).items; // a listing answered as a whole (geo permissions)
  const records = Array.isArray(own) ? own : Object.values(page).find((v) => Array.isArray(v?.items))?.items;
  const item = Array.isArray(records) ? records[0] : parsed;
  if (item && typeof item === 'object' && 'key' in item && 'secret' in item) {
    return [...Object.keys((item as { key: object }).key), 'secret'];
  }
  return item && typeof item === 'object' ? Object.keys(item) : [];
}

describe('Twilio client against the official OpenAPI spec', () => {
  it('when the subset fixture is read, then it names the spec files and commit it was extracted from', () => {
    expect(subset.source.repo).toBe('twilio/twilio-oai');
    expect(subset.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(subset.source.files).toEqual(
      expect.arrayContaining([
        'spec/json/twilio_api_v2010.json',
        'spec/json/twilio_accounts_v1.json',
        'spec/json/twilio_iam_v1.json',
        'spec/json/twilio_monitor_v1.json',
      ]),
    );
  });

  it('when every client method runs, then each request is a spec operation on the right host: path, query, PageSize and form', async () => {
    const { requests } = await driveEveryMethod();
    expect(requests.length).toBeGreaterThan(20);
    for (const req of requests) checkRequest(req, operationOf(req));
  });

  it('when every client method runs, then every operation in the fixture is exercised', async () => {
    const { requests } = await driveEveryMethod();
    // By host as well: iam v1 and the 2010 API both have a `DeleteKey`.
    const name = (op: SpecOperation) => `${op.server} ${op.operationId}`;
    const used = new Set(requests.map((req) => name(operationOf(req))));
    expect(subset.operations.map(name).filter((id) => !used.has(id))).toEqual([]);
  });

  it('when answers are parsed, then every field the client keeps is one the spec documents', async () => {
    const { requests } = await driveEveryMethod();
    for (const req of requests) {
      const op = operationOf(req);
      for (const key of keptFields(req.parsed))
        expect(op.response.fields, `${op.operationId}: kept field`).toContain(key);
    }
  });

  it('when answers carry secrets, then only the methods that exist to return one hand it over', async () => {
    const { results, requests } = await driveEveryMethod();
    for (const { method, result } of results) {
      if (!SECRET_RETURNING.has(method))
        expect(JSON.stringify(result) ?? '', method).not.toContain(SECRET_MARK);
    }
    expect(JSON.stringify(requests.map((r) => r.operation))).not.toContain(NEW_PASSWORD);
  });
});
