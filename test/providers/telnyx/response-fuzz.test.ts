// Every Telnyx discovery against responses built from the spec's schemas: optional fields omitted, null or off-enum, unknown fields added.
import { describe, expect, it } from 'vitest';
import { TELNYX_STEPS } from '../../../src/playbooks/telnyx/index.js';
import type { AutomatedStepDefinition } from '../../../src/playbooks/types.js';
import { createTelnyxClient, type TelnyxClient } from '../../../src/providers/telnyx/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import { type FuzzOperation, fuzzDiscoveries } from '../support/fuzz-discovery.js';
import { fuzzHttp } from '../support/fuzz-http.js';
import { clientMethods, fuzzParses } from '../support/fuzz-parses.js';
import { CALLS } from './support/sample-calls.js';
import { loadSpecSubset, operationsForPath } from './support/spec-subset.js';

const subset = loadSpecSubset();

const operations: FuzzOperation[] = subset.operations.flatMap((op) => {
  const schema = op.response.schema;
  if (!schema) return [];
  const listing = schema.properties?.data?.type === 'array';
  return [{ key: `${op.method} ${op.path}`, schema, recordsAt: listing ? ['data'] : null }];
});

const steps = TELNYX_STEPS.filter((s): s is AutomatedStepDefinition<TelnyxClient> => s.kind === 'automated');

describe('Telnyx discovery against spec-built responses', () => {
  it('when every response a discovery reads varies as the spec allows, then every discovery finishes', async () => {
    const report = await fuzzDiscoveries<TelnyxClient>({
      schemas: subset.schemas,
      operations,
      steps,
      // A record is addressed by its id; without one it can only be reported.
      essential: (_key, path) => path.length === 1 && path[0] === 'id',
      context(answer, seen) {
        const http = fuzzHttp('telnyx', (req) => {
          const op = operationsForPath(subset, req.path).find((o) => o.method === req.method);
          const key = op ? `${op.method} ${op.path}` : undefined;
          if (key) seen.add(key);
          return answer(key);
        });
        return {
          client: createTelnyxClient(http),
          since: new Date('2026-01-01T00:00:00Z'),
          trusted: { hosts: ['hooks.example.com'], ips: ['203.0.113.0/24'], numbers: [] },
          logger: silentLogger(),
        };
      },
    });
    console.log(
      `Telnyx: ${report.generated} generated responses, ${report.runs} discoveries, ${report.failures.length} failed`,
    );
    if (report.unread.length > 0)
      console.log(`  read by no discovery (not fuzzed here): ${report.unread.join(', ')}`);
    expect(report.failures).toEqual([]);
    expect(report.generated).toBeGreaterThan(300);
  });
});

describe('Telnyx client methods against spec-built responses', () => {
  it('when every method’s response varies as the spec allows, then it parses, setting nothing aside but records without an id', async () => {
    const report = await fuzzParses({
      schemas: subset.schemas,
      operations,
      essential: (_key, path) => path.length === 1 && path[0] === 'id',
      methods(answer, seen) {
        const http = fuzzHttp('telnyx', (req) => {
          const op = operationsForPath(subset, req.path).find((o) => o.method === req.method);
          const key = op ? `${op.method} ${op.path}` : undefined;
          if (key) seen.add(key);
          return answer(key);
        });
        const client = createTelnyxClient(http);
        return clientMethods(client, CALLS);
      },
    });
    console.log(
      `Telnyx: ${report.generated} generated responses to ${Object.keys(CALLS).length} methods, ${report.failures.length} failed`,
    );
    expect(report.failures).toEqual([]);
    expect(report.generated).toBeGreaterThan(1000);
  });
});
