import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SpecObject {
  properties: string[];
  required: string[];
}

export interface SpecOperation {
  operationId: string;
  method: string;
  /** Spec template, e.g. `/credential_connections/{id}`. */
  path: string;
  query: string[];
  /** `exampleSize`: the spec's example `page[size]`, for a listing whose spec names no maximum. */
  page: { maxSize: number | null; defaultSize: number | null; exampleSize?: number } | null;
  requestBody: (SpecObject & { readOnly?: string[]; objects?: Record<string, SpecObject> }) | null;
  /** `schema`: the response body as the spec describes it, records as `$ref`s into `schemas`. */
  response: { dataFields: string[]; objects?: Record<string, string[]>; schema?: SchemaNode };
}

/** A reduced JSON Schema node, as `test/fixtures/extract-response-schemas.py` writes it. */
export interface SchemaNode {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  default?: unknown;
  pattern?: string;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

export interface SpecSubset {
  source: { repo: string; path: string; commit: string };
  operations: SpecOperation[];
  schemas: Record<string, SchemaNode>;
}

const FIXTURE = fileURLToPath(new URL('../../../fixtures/telnyx/openapi-subset.json', import.meta.url));

export function loadSpecSubset(): SpecSubset {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as SpecSubset;
}

function templateRegex(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`);
}

/** The spec operations whose path template matches `path`, literal templates first. */
export function operationsForPath(subset: SpecSubset, path: string): SpecOperation[] {
  return subset.operations
    .filter((op) => templateRegex(op.path).test(path))
    .sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
}
