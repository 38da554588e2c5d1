import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaNode } from '../../telnyx/support/spec-subset.js';

export interface SpecOperation {
  operationId: string;
  method: string;
  server: string;
  /** Spec template, e.g. `/2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json`. */
  path: string;
  pathParams: { name: string; pattern: string }[];
  query: string[];
  requiredQuery: string[];
  page: { maxSize: number } | null;
  requestBody: { properties: string[]; required: string[]; enums: Record<string, string[]> } | null;
  /** `schema`: the response body as the spec describes it, records as `$ref`s into `schemas`. */
  response: {
    status: number;
    fields: string[];
    listKey?: string;
    pageFields?: string[];
    schema?: SchemaNode;
  };
}

export interface SpecSubset {
  source: { repo: string; commit: string; files: string[] };
  operations: SpecOperation[];
  schemas: Record<string, SchemaNode>;
}

const FIXTURE = fileURLToPath(new URL('../../../fixtures/twilio/openapi-subset.json', import.meta.url));

export function loadTwilioSpecSubset(): SpecSubset {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as SpecSubset;
}

/** The path parameters of `path` if it fits `op`'s template, else undefined. */
export function matchPath(op: SpecOperation, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
}

/** The operation for `host` + `method` + `path`; literal templates win over templated ones. */
export function findOperation(
  subset: SpecSubset,
  host: string,
  method: string,
  path: string,
): SpecOperation | undefined {
  return subset.operations
    .filter((op) => op.server === host && op.method === method && matchPath(op, path) !== undefined)
    .sort((a, b) => a.pathParams.length - b.pathParams.length)[0];
}
