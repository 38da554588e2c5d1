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
  page: { maxSize: number | null; defaultSize: number | null } | null;
  requestBody: (SpecObject & { readOnly?: string[]; objects?: Record<string, SpecObject> }) | null;
  response: { dataFields: string[]; objects?: Record<string, string[]> };
}

export interface SpecSubset {
  source: { repo: string; path: string; commit: string };
  operations: SpecOperation[];
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
