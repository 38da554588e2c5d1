// Runs every client method against spec-built variants of its response: what the spec allows must parse.
import type { Listing } from '../../../src/providers/http/index.js';
import type { SchemaNode } from '../telnyx/support/spec-subset.js';
import type { FuzzOperation } from './fuzz-discovery.js';
import { type Json, Sampler, variantsOf } from './spec-fuzz.js';

export type ClientMethod = (...args: unknown[]) => Promise<unknown>;

/** Every method of a client's API groups as `[group.name, method, the calls to make]`. */
export function clientMethods(
  client: object,
  calls: Readonly<Record<string, unknown[][]>>,
): [string, ClientMethod, unknown[][]][] {
  return Object.entries(client)
    .filter(([, api]) => api !== null && typeof api === 'object')
    .flatMap(([group, api]) =>
      Object.entries(api as Record<string, ClientMethod>).map(
        ([name, fn]): [string, ClientMethod, unknown[][]] => [
          `${group}.${name}`,
          fn,
          calls[`${group}.${name}`] ?? [],
        ],
      ),
    );
}

export interface ParseTarget {
  schemas: Readonly<Record<string, SchemaNode>>;
  operations: FuzzOperation[];
  /** Each method of a fresh client whose requests are answered by `answer(operationKey)`, with its sample calls. */
  methods(
    answer: (key: string | undefined) => Json | undefined,
    seen: Set<string>,
  ): [string, ClientMethod, unknown[][]][];
  /** As in `FuzzTarget.essential`, also for single objects (`path` from the object). */
  essential(operationKey: string, path: readonly (string | number)[]): boolean;
}

export interface ParseReport {
  generated: number;
  calls: number;
  failures: string[];
}

function isListing(value: unknown): value is Listing<unknown> {
  return value !== null && typeof value === 'object' && 'items' in value && 'unreadable' in value;
}

/** The records a result set aside, wherever in it they are (a listing, or a page of messages). */
function unreadableIn(result: unknown): unknown[] {
  if (isListing(result)) return result.unreadable;
  if (result !== null && typeof result === 'object' && 'unreadable' in result) {
    return (result as { unreadable: unknown[] }).unreadable;
  }
  return [];
}

/**
 * For each method and sample call: the operations it reads with the baseline answers, then each
 * variant of those answers (built as in `fuzzDiscoveries`). A variant that leaves out or nulls an
 * essential field may fail the call (a single object) or be set aside (a listing record); every
 * other variant must parse, with nothing set aside.
 */
export async function fuzzParses(target: ParseTarget): Promise<ParseReport> {
  const sampler = new Sampler(target.schemas);
  const ops = new Map(target.operations.map((op) => [op.key, op]));
  const bodies = new Map<string, Json>();
  for (const op of target.operations) {
    const body = sampler.sample(op.schema);
    bodies.set(op.key, op.pin ? op.pin(body) : body);
  }
  const report: ParseReport = { generated: 0, calls: 0, failures: [] };
  const baseline = (key: string | undefined) => (key ? bodies.get(key) : undefined);
  /** Runs sample call `index` of `name` on a fresh client answered by `answer`. */
  const run = async (name: string, index: number, answer: typeof baseline, seen = new Set<string>()) => {
    const [, fn, calls] = target.methods(answer, seen).find(([n]) => n === name) ?? [];
    return fn?.(...(calls?.[index] ?? []));
  };
  for (const [name, , calls] of target.methods(baseline, new Set())) {
    for (const [index] of calls.entries()) {
      const seen = new Set<string>();
      await run(name, index, baseline, seen);
      for (const key of seen) {
        const op = ops.get(key);
        if (!op) continue;
        // The record: inside `data` (Telnyx's one object), or the first of a listing's records.
        const at = op.recordsAt === null ? [] : [...op.recordsAt, 0];
        const container = (p: readonly (string | number)[]) =>
          op.recordsAt === null ? p.length === 1 && p[0] === 'data' : p.length === at.length - 1;
        for (const variant of variantsOf(sampler, bodies.get(key) ?? null, op.schema, [], container)) {
          report.generated += 1;
          report.calls += 1;
          const body = op.pin ? op.pin(variant.body) : variant.body;
          const start = op.recordsAt === null ? (variant.path[0] === 'data' ? 1 : 0) : at.length;
          const lost =
            (variant.kind === 'omitted' || variant.kind === 'null') &&
            target.essential(key, variant.path.slice(start));
          try {
            const result = await run(name, index, (k) => (k === key ? body : baseline(k)));
            if (unreadableIn(result).length > 0 && !lost) {
              report.failures.push(`${name}, ${key}, ${variant.label}: set a record aside`);
            }
          } catch (err) {
            if (!lost) report.failures.push(`${name}, ${key}, ${variant.label}: ${(err as Error).message}`);
          }
        }
      }
    }
  }
  return report;
}
