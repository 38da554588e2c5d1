// Runs every step's discovery against spec-built responses and their variants; counts what was generated and what failed.
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../../../src/playbooks/types.js';
import type { SchemaNode } from '../telnyx/support/spec-subset.js';
import { type Json, Sampler, type Variant, variantsOf } from './spec-fuzz.js';

/** One response the client parses: its schema and where its records are. */
export interface FuzzOperation {
  /** Unique name, e.g. `GET /credential_connections` or `https://iam.twilio.com ListGetKeys`. */
  key: string;
  schema: SchemaNode;
  /** The path of the records' array inside the body (`['data']`, `[]` for a bare array), or null. */
  recordsAt: (string | number)[] | null;
  /** Fields pinned in every answer (a listing's last-page markers), so a walk ends. */
  pin?: (body: Json) => Json;
}

export interface FuzzTarget<Client> {
  schemas: Readonly<Record<string, SchemaNode>>;
  operations: FuzzOperation[];
  steps: AutomatedStepDefinition<Client>[];
  /**
   * The fields below a listing's record (`path` from the record) Reclaim cannot do without: its id.
   * A variant that omits or nulls one must yield a "could not be read" finding; any other variant
   * must yield none (the spec allows it, so Reclaim reads it).
   */
  essential(operationKey: string, path: readonly (string | number)[]): boolean;
  /** A fresh client and context whose requests are answered by `answer(operationKey)` (undefined: 204). */
  context(answer: (key: string | undefined) => Json | undefined, seen: Set<string>): PlaybookContext<Client>;
}

export interface FuzzReport {
  /** Responses generated: every variant of every operation some discovery reads. */
  generated: number;
  /** Discoveries run on a variant. */
  runs: number;
  failures: string[];
  /** Operations no discovery reads (not fuzzed here). */
  unread: string[];
}

function baseline(sampler: Sampler, op: FuzzOperation): Json {
  let body = sampler.sample(op.schema);
  if (op.recordsAt) {
    const node = sampler.resolve(op.schema);
    let records: SchemaNode | undefined = node;
    for (const key of op.recordsAt) records = records?.properties?.[key as string];
    const item = records?.items ?? node.items;
    const two = item ? [sampler.sample(item), sampler.sample(item)] : [];
    if (op.recordsAt.length === 0) body = two;
    else (body as Record<string, Json>)[op.recordsAt[0] as string] = two;
  }
  return op.pin ? op.pin(body) : body;
}

function variantsFor(sampler: Sampler, op: FuzzOperation, body: Json): Variant[] {
  const at = op.recordsAt;
  if (at === null) {
    // One object: the envelope and the record are one tree; `data` (Telnyx) itself stays.
    return variantsOf(sampler, body, op.schema, [], (p) => p.length === 1 && p[0] === 'data');
  }
  const inRecords = (p: readonly (string | number)[]) => at.every((k, i) => p[i] === k);
  const envelope = variantsOf(sampler, body, op.schema, [], inRecords).filter(
    (v) => v.label !== 'unknown fields everywhere',
  );
  const node = sampler.resolve(op.schema);
  let records: SchemaNode | undefined = node;
  for (const key of at) records = records?.properties?.[key as string];
  const item = records?.items ?? node.items;
  const record = item ? variantsOf(sampler, body, item, [...at, 1]) : [];
  return [...record, ...envelope].map((v) => ({ ...v, body: op.pin ? op.pin(v.body) : v.body }));
}

/** What is wrong with the unreadable findings of a discovery on `variant`, if anything. */
function unreadableProblem<Client>(
  target: FuzzTarget<Client>,
  op: FuzzOperation,
  variant: Variant,
  discovery: Discovery,
): string | undefined {
  const unread = discovery.findings.filter((f) => f.summary.includes('could not be read'));
  const at = op.recordsAt;
  const inRecord =
    at === null ? false : at.every((k, i) => variant.path[i] === k) && variant.path.length > at.length + 1;
  const lost =
    inRecord &&
    (variant.kind === 'omitted' || variant.kind === 'null') &&
    target.essential(op.key, variant.path.slice((at?.length ?? 0) + 1));
  if (lost && unread.length === 0)
    return 'dropped a record without saying so (no "could not be read" finding)';
  if (!lost && unread.length > 0)
    return `could not read what the spec allows: ${unread[0]?.reasons.join('; ')}`;
  return undefined;
}

/**
 * Every step discovers once on the baseline answers (which must work), recording the operations it
 * reads; then, for each of those operations and each variant of its response, the steps that read
 * it discover again with that one answer changed. A discovery that throws is a failure.
 */
export async function fuzzDiscoveries<Client>(target: FuzzTarget<Client>): Promise<FuzzReport> {
  const sampler = new Sampler(target.schemas);
  const bodies = new Map(target.operations.map((op) => [op.key, baseline(sampler, op)]));
  const readBy = new Map<string, AutomatedStepDefinition<Client>[]>();
  for (const step of target.steps) {
    const seen = new Set<string>();
    await step.discover(target.context((key) => (key ? bodies.get(key) : undefined), seen));
    for (const key of seen) readBy.set(key, [...(readBy.get(key) ?? []), step]);
  }
  const report: FuzzReport = { generated: 0, runs: 0, failures: [], unread: [] };
  for (const op of target.operations) {
    const steps = readBy.get(op.key);
    if (!steps) {
      report.unread.push(op.key);
      continue;
    }
    for (const variant of variantsFor(sampler, op, bodies.get(op.key) ?? null)) {
      report.generated += 1;
      for (const step of steps) {
        report.runs += 1;
        const answer = (key: string | undefined) =>
          key === op.key ? variant.body : key ? bodies.get(key) : undefined;
        let discovery: Discovery;
        try {
          discovery = await step.discover(target.context(answer, new Set()));
        } catch (err) {
          report.failures.push(`${op.key}, ${variant.label}: ${step.id} failed: ${(err as Error).message}`);
          continue;
        }
        const problem = unreadableProblem(target, op, variant, discovery);
        if (problem) report.failures.push(`${op.key}, ${variant.label}: ${step.id} ${problem}`);
      }
    }
  }
  return report;
}
