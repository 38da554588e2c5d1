// Every Twilio discovery against responses built from the spec's schemas: optional fields omitted, null or off-enum, unknown fields added.
import { describe, expect, it } from 'vitest';
import { TWILIO_STEPS } from '../../../src/playbooks/twilio/index.js';
import type { AutomatedStepDefinition } from '../../../src/playbooks/types.js';
import type { HttpRequest } from '../../../src/providers/http/types.js';
import { createTwilioClient, type TwilioClient } from '../../../src/providers/twilio/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import { type FuzzOperation, fuzzDiscoveries } from '../support/fuzz-discovery.js';
import { fuzzHttp } from '../support/fuzz-http.js';
import { clientMethods, fuzzParses } from '../support/fuzz-parses.js';
import type { Json } from '../support/spec-fuzz.js';
import { CALLS } from './support/sample-calls.js';
import { findOperation, loadTwilioSpecSubset } from './support/spec-subset.js';
import { ACCOUNT_SID, AUTH_TOKEN } from './support/twilio-nock.js';

const subset = loadTwilioSpecSubset();

/** Every answer is the last page: a `next_page_uri` (2010) or `meta.next_page_url` (v1) that is set becomes null. */
function lastPage(body: Json): Json {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const out = { ...body };
  if (typeof out.next_page_uri === 'string') out.next_page_uri = null;
  const meta = out.meta;
  if (meta && typeof meta === 'object' && !Array.isArray(meta) && typeof meta.next_page_url === 'string') {
    out.meta = { ...meta, next_page_url: null };
  }
  // The spec gives messaging geo permissions no type (`nullable` only; its description says "a list
  // of objects"): a generated value is made that list, each record with the `country_code` the
  // spec's examples carry, the one field that addresses it.
  const geo = out.permissions;
  if (geo !== undefined && geo !== null) {
    const records = Array.isArray(geo) ? geo : [geo];
    out.permissions = records.map((p) =>
      p !== null && typeof p === 'object' && !Array.isArray(p)
        ? { country_code: 'PK', ...p }
        : { country_code: 'PK' },
    );
  }
  return out;
}

const operations: FuzzOperation[] = subset.operations.flatMap((op) =>
  op.response.schema
    ? [
        {
          key: `${op.server} ${op.operationId}`,
          schema: op.response.schema,
          recordsAt: op.response.listKey ? [op.response.listKey] : null,
          pin: lastPage,
        },
      ]
    : [],
);

const steps = TWILIO_STEPS.filter((s): s is AutomatedStepDefinition<TwilioClient> => s.kind === 'automated');

/** The three Twilio hosts, each answering with the response the fuzz chose for the operation it finds. */
function fuzzTransport(answer: (key: string | undefined) => Json | undefined, seen: Set<string>) {
  const host = (server: string) =>
    fuzzHttp('twilio', (req: HttpRequest<unknown>) => {
      const op = findOperation(subset, server, req.method, req.path);
      const key = op ? `${op.server} ${op.operationId}` : undefined;
      if (key) seen.add(key);
      return answer(key);
    });
  return {
    api: host('https://api.twilio.com'),
    accounts: host('https://accounts.twilio.com'),
    iam: host('https://iam.twilio.com'),
    trunking: host('https://trunking.twilio.com'),
    voice: host('https://voice.twilio.com'),
    messaging: host('https://messaging.twilio.com'),
    monitor: host('https://monitor.twilio.com'),
  };
}

describe('Twilio discovery against spec-built responses', () => {
  it('when every response a discovery reads varies as the spec allows, then every discovery finishes', async () => {
    const report = await fuzzDiscoveries<TwilioClient>({
      schemas: subset.schemas,
      operations,
      steps,
      // A record is addressed by its SID (a country by its code); without one it can only be reported.
      essential: (_key, path) => path.length === 1 && ADDRESSES.includes(String(path[0])),
      context(answer, seen) {
        const transport = fuzzTransport(answer, seen);
        return {
          client: createTwilioClient({
            accountSid: ACCOUNT_SID,
            authToken: AUTH_TOKEN,
            connect: () => transport,
          }),
          since: new Date('2026-01-01T00:00:00Z'),
          trusted: { hosts: ['hooks.example.com'], ips: ['203.0.113.0/24'], numbers: [] },
          logger: silentLogger(),
        };
      },
    });
    console.log(
      `Twilio: ${report.generated} generated responses, ${report.runs} discoveries, ${report.failures.length} failed`,
    );
    if (report.unread.length > 0)
      console.log(`  read by no discovery (not fuzzed here): ${report.unread.join(', ')}`);
    expect(report.failures).toEqual([]);
    expect(report.generated).toBeGreaterThan(300);
  });
});

/** The fields of a create's answer nothing can stand in for: the new key's SID and its secret, the new tokens. */
const CREATED: Record<string, readonly string[]> = {
  'https://api.twilio.com CreateNewKey': ['sid', 'secret'],
  'https://accounts.twilio.com CreateSecondaryAuthToken': ['secondary_auth_token'],
  'https://api.twilio.com CreateUsageTrigger': ['sid'],
  // A subaccount's own token, which its rotation authenticates with (`accounts.authTokenOf`).
  'https://api.twilio.com FetchAccount': ['auth_token'],
};

/** The fields that address a record: a SID, or a geo permission's country code. */
const ADDRESSES = ['sid', 'iso_code', 'country_code'];

describe('Twilio client methods against spec-built responses', () => {
  it('when every method’s response varies as the spec allows, then it parses, setting nothing aside but records without a SID', async () => {
    const report = await fuzzParses({
      schemas: subset.schemas,
      operations,
      essential: (key, path) =>
        path.length === 1 &&
        (ADDRESSES.includes(String(path[0])) || (CREATED[key] ?? []).includes(String(path[0]))),
      methods(answer, seen) {
        const transport = fuzzTransport(answer, seen);
        const client = createTwilioClient({
          accountSid: ACCOUNT_SID,
          authToken: AUTH_TOKEN,
          connect: () => transport,
        });
        return clientMethods(client, CALLS);
      },
    });
    console.log(
      `Twilio: ${report.generated} generated responses to ${Object.keys(CALLS).length} methods, ${report.failures.length} failed`,
    );
    expect(report.failures).toEqual([]);
    expect(report.generated).toBeGreaterThan(500);
  });
});
