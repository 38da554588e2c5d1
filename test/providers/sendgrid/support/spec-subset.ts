import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaNode } from '../../telnyx/support/spec-subset.js';

export interface SendgridSpecOperation {
  operationId: string;
  file: string;
  method: string;
  /** Spec template, e.g. `/v3/api_keys/{api_key_id}`. */
  path: string;
  query: string[];
  queryMaximum?: Record<string, number>;
  requestBody: {
    properties: string[];
    required: string[];
    arrays?: Record<string, { properties: string[]; required: string[] }>;
  } | null;
  /** `container`: the array property holding the items (`result`, `webhooks`, …), `[]` for a bare array, null for one object. */
  /** `schema`: the response body as the spec describes it, records as `$ref`s into `schemas`. */
  response: {
    status: number;
    container: string | null;
    fields: string[];
    topFields?: string[];
    schema?: SchemaNode;
  };
  errorStatuses: number[];
}

export interface SendgridSpecSubset {
  source: { repo: string; path: string; commit: string };
  operations: SendgridSpecOperation[];
  schemas: Record<string, SchemaNode>;
}

const FIXTURE = fileURLToPath(new URL('../../../fixtures/sendgrid/openapi-subset.json', import.meta.url));

export function loadSendgridSubset(): SendgridSpecSubset {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as SendgridSpecSubset;
}

const templateRegex = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);

/** The operation for `method path`; literal templates win over `{param}` ones. */
export function findOperation(
  subset: SendgridSpecSubset,
  method: string,
  path: string,
): SendgridSpecOperation | undefined {
  return subset.operations
    .filter((op) => op.method === method && templateRegex(op.path).test(path))
    .sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
}
