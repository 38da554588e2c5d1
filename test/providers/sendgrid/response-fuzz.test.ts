// Every SendGrid discovery against responses built from the spec's schemas: optional fields omitted, null or off-enum, unknown fields added.
import { describe, expect, it } from 'vitest';
import { createSendgridSteps } from '../../../src/playbooks/sendgrid/index.js';
import type { AutomatedStepDefinition } from '../../../src/playbooks/types.js';
import { createSendgridClient, type SendgridClient } from '../../../src/providers/sendgrid/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import { type FuzzOperation, fuzzDiscoveries } from '../support/fuzz-discovery.js';
import { fuzzHttp } from '../support/fuzz-http.js';
import { clientMethods, fuzzParses } from '../support/fuzz-parses.js';
import { CALLS } from './support/sample-calls.js';
import { findOperation, loadSendgridSubset } from './support/spec-subset.js';

const subset = loadSendgridSubset();

const operations: FuzzOperation[] = subset.operations.flatMap((op) => {
  const schema = op.response.schema;
  if (!schema) return [];
  const { container } = op.response;
  // GetApiKey's `result` holds the one key: it is varied as a listing of records all the same.
  const recordsAt = container === null ? null : container === '[]' ? [] : [container];
  return [{ key: `${op.method} ${op.path}`, schema, recordsAt }];
});

/**
 * What each listing names its records by; a record without it can only be reported. (A key's own
 * lookup is not here: the key asked for is the one answered, id or no id.)
 */
const ID_OF: Record<string, string> = {
  'GET /v3/api_keys': 'api_key_id',
  'GET /v3/access_settings/whitelist': 'id',
  'GET /v3/teammates': 'username',
  'GET /v3/teammates/pending': 'token',
  'GET /v3/subusers': 'username',
  'GET /v3/user/webhooks/event/settings/all': 'id',
  'GET /v3/user/webhooks/parse/settings': 'hostname',
  'GET /v3/messages': 'msg_id',
  'GET /v3/verified_senders': 'id',
  'GET /v3/whitelabel/domains': 'id',
  'GET /v3/whitelabel/links': 'id',
  'GET /v3/alerts': 'id',
};

const NOW = new Date('2026-03-01T12:00:00Z');
const steps = createSendgridSteps({ now: () => NOW }).filter(
  (s): s is AutomatedStepDefinition<SendgridClient> => s.kind === 'automated',
);

describe('SendGrid discovery against spec-built responses', () => {
  it('when every response a discovery reads varies as the spec allows, then every discovery finishes', async () => {
    const report = await fuzzDiscoveries<SendgridClient>({
      schemas: subset.schemas,
      operations,
      steps,
      essential: (key, path) => path.length === 1 && path[0] === ID_OF[key],
      context(answer, seen) {
        const http = fuzzHttp('sendgrid', (req) => {
          const op = findOperation(subset, req.method, req.path);
          const key = op ? `${op.method} ${op.path}` : undefined;
          if (key) seen.add(key);
          return answer(key);
        });
        return {
          client: createSendgridClient(http, { ownApiKeyId: 'own-key' }),
          since: new Date('2026-01-01T00:00:00Z'),
          trusted: { hosts: ['hooks.example.com'], ips: ['203.0.113.0/24'], numbers: [] },
          logger: silentLogger(),
        };
      },
    });
    console.log(
      `SendGrid: ${report.generated} generated responses, ${report.runs} discoveries, ${report.failures.length} failed`,
    );
    if (report.unread.length > 0)
      console.log(`  read by no discovery (not fuzzed here): ${report.unread.join(', ')}`);
    expect(report.failures).toEqual([]);
    expect(report.generated).toBeGreaterThan(100);
  });
});

/** The fields of a create's answer nothing can stand in for: the new key's id and its value. */
const CREATED: Record<string, readonly string[]> = {
  'POST /v3/api_keys': ['api_key_id', 'api_key'],
  'POST /v3/access_settings/whitelist': ['id'],
};

describe('SendGrid client methods against spec-built responses', () => {
  it('when every method’s response varies as the spec allows, then it parses, setting nothing aside but records without their id', async () => {
    const report = await fuzzParses({
      schemas: subset.schemas,
      operations,
      essential: (key, path) =>
        path.length === 1 && (path[0] === ID_OF[key] || (CREATED[key] ?? []).includes(String(path[0]))),
      methods(answer, seen) {
        const http = fuzzHttp('sendgrid', (req) => {
          const op = findOperation(subset, req.method, req.path);
          const key = op ? `${op.method} ${op.path}` : undefined;
          if (key) seen.add(key);
          return answer(key);
        });
        const client = createSendgridClient(http);
        return clientMethods(client, CALLS);
      },
    });
    console.log(
      `SendGrid: ${report.generated} generated responses to ${Object.keys(CALLS).length} methods, ${report.failures.length} failed`,
    );
    expect(report.failures).toEqual([]);
    expect(report.generated).toBeGreaterThan(200);
  });
});
