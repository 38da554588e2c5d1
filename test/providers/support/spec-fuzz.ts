// Responses built from the specs' reduced schemas: a plausible baseline, and variants of it that real accounts send.
import type { SchemaNode } from '../telnyx/support/spec-subset.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value nothing in a spec's enum is: what "a value Reclaim does not know" looks like. */
export const UNEXPECTED_ENUM = 'fuzz-unexpected-value';

/** Where a variant changes a response, and how. */
export interface Variant {
  /** e.g. `data.1.call_forwarding.forwards_to omitted`, for the failure message. */
  label: string;
  body: Json;
  /** What changed: a field omitted, null or off its enum (at `path`), or unknown fields everywhere. */
  kind: 'omitted' | 'null' | 'unexpected enum value' | 'unknown fields';
  path: readonly (string | number)[];
}

/** Builds values for one response; `n` makes ids and SIDs distinct between records. */
export class Sampler {
  private n = 0;
  constructor(private readonly schemas: Readonly<Record<string, SchemaNode>>) {}

  resolve(node: SchemaNode): SchemaNode {
    let out = node;
    for (let i = 0; out.$ref && i < 8; i += 1) {
      const next = this.schemas[out.$ref];
      if (!next) throw new Error(`the fixture has no schema ${out.$ref}`);
      out = { ...next, ...(out.nullable ? { nullable: true } : {}) };
    }
    return out;
  }

  /** A value of `node` (named `name` in its parent), plausible enough for the steps to judge. */
  sample(raw: SchemaNode, name = '', depth = 0): Json {
    const node = this.resolve(raw);
    if (node.enum && node.enum.length > 0) return node.enum[0] as Json;
    if (node.type === 'object' || node.properties) {
      const out: Record<string, Json> = {};
      if (depth > 6) return out;
      for (const [key, child] of Object.entries(node.properties ?? {}))
        out[key] = this.sample(child, key, depth + 1);
      return out;
    }
    if (node.type === 'array') return node.items ? [this.sample(node.items, name, depth + 1)] : [];
    if (node.type === 'integer') return typeof node.default === 'number' ? node.default : 1;
    if (node.type === 'number') return typeof node.default === 'number' ? node.default : 1.5;
    if (node.type === 'boolean') return typeof node.default === 'boolean' ? node.default : true;
    return this.text(node, name);
  }

  private text(node: SchemaNode, name: string): string {
    this.n += 1;
    const sid = /^\^([A-Z]{2})\[0-9a-fA-F\]\{32\}\$$/.exec(node.pattern ?? '');
    if (sid) return `${sid[1]}${this.n.toString(16).padStart(32, '0')}`;
    if (node.pattern?.includes('[0-9]+(?:')) return '50.00';
    if (node.pattern === '^[A-Z]{2}$') return 'US';
    if (node.pattern) return 'Acme';
    if (node.format === 'date-time-rfc-2822') return 'Thu, 15 Jan 2026 10:00:00 +0000';
    if (node.format === 'date') return '2026-01-15';
    if (node.format === 'date-time' || /(_at|_date|date_\w+)$/.test(name)) return '2026-01-15T10:00:00.000Z';
    if (node.format === 'email' || name.includes('email')) return `ops${this.n}@example.com`;
    if (/phone_number|forwards_to|translated_number/.test(name) || node.format === 'phone-number') {
      return `+1303555${String(this.n % 10_000).padStart(4, '0')}`;
    }
    if (/^ip(_address)?$/.test(name)) return `203.0.113.${this.n % 250}`;
    if (/fqdn|hostname/.test(name)) return `host${this.n}.example.com`;
    if (node.format === 'uri' || node.format === 'url' || /_url$|_uri$|^url$|callback$/.test(name)) {
      return `https://hooks.example.com/fuzz/${this.n}`;
    }
    if (name === 'id' || name.endsWith('_id') || name === 'token' || name === 'username')
      return `${name}-${this.n}`;
    return `fuzz ${name} ${this.n}`;
  }
}

/** The paths, below a record, of every field the spec does not require (objects and first array items). */
export function optionalPaths(
  sampler: Sampler,
  raw: SchemaNode,
  prefix: (string | number)[] = [],
  depth = 0,
): { path: (string | number)[]; node: SchemaNode }[] {
  const node = sampler.resolve(raw);
  if (depth > 6) return [];
  if (node.type === 'array' && node.items)
    return optionalPaths(sampler, node.items, [...prefix, 0], depth + 1);
  const out: { path: (string | number)[]; node: SchemaNode }[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = [...prefix, key];
    if (!(node.required ?? []).includes(key)) out.push({ path, node: sampler.resolve(child) });
    out.push(...optionalPaths(sampler, child, path, depth + 1));
  }
  return out;
}

function parentOf(body: Json, path: readonly (string | number)[]): Record<string, Json> | Json[] | undefined {
  let at: Json | undefined = body;
  for (const key of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, Json>)[key as string];
  }
  return at !== null && typeof at === 'object' ? (at as Record<string, Json>) : undefined;
}

/** `body` with the field at `path` changed by `change` (a copy; `undefined` deletes it). */
export function changed(body: Json, path: readonly (string | number)[], change: Json | undefined): Json {
  const copy = structuredClone(body);
  const parent = parentOf(copy, path);
  const key = path[path.length - 1] as string;
  if (!parent || Array.isArray(parent) || !(key in parent)) return copy;
  if (change === undefined) delete parent[key];
  else parent[key] = change;
  return copy;
}

/** Every object of `value` gets a field no spec names, the way an API grows. */
export function withUnknownFields(value: Json): Json {
  if (Array.isArray(value)) return value.map(withUnknownFields);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = { fuzz_unknown_field: { nested: ['new', 1, true] } };
  for (const [key, child] of Object.entries(value)) out[key] = withUnknownFields(child);
  return out;
}

/**
 * The variants of one response: for each optional field (at `at` inside `body`, the record or the
 * envelope), omitted, null, and when it has an enum a value outside it; and unknown extra fields
 * everywhere. `skip` names paths a variant must not touch (the array holding the records).
 */
export function variantsOf(
  sampler: Sampler,
  body: Json,
  schema: SchemaNode,
  at: (string | number)[],
  skip: (path: readonly (string | number)[]) => boolean = () => false,
): Variant[] {
  const out: Variant[] = [
    { label: 'unknown fields everywhere', body: withUnknownFields(body), kind: 'unknown fields', path: [] },
  ];
  for (const { path, node } of optionalPaths(sampler, schema)) {
    const full = [...at, ...path];
    if (skip(full)) continue;
    const name = full.join('.');
    out.push({ label: `${name} omitted`, body: changed(body, full, undefined), kind: 'omitted', path: full });
    out.push({ label: `${name} null`, body: changed(body, full, null), kind: 'null', path: full });
    if (node.enum) {
      const off = changed(body, full, UNEXPECTED_ENUM);
      out.push({
        label: `${name} = ${UNEXPECTED_ENUM}`,
        body: off,
        kind: 'unexpected enum value',
        path: full,
      });
    }
  }
  return out;
}
