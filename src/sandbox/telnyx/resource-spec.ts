import type { CollectionKey } from './account.js';
import type { ListSpec } from './list-query.js';
import type { FieldType } from './validate-body.js';

/**
 * The collections the simulator serves with list / create / retrieve / update / delete, as the spec
 * (`team-telnyx/openapi` `openapi/spec3.yml`) defines them: page-size defaults, filters, sorts,
 * writable fields (top level of the request body), required fields and the status of a create.
 */
export interface ResourceSpec extends ListSpec {
  /** First path segment, e.g. `credential_connections`. */
  path: string;
  key: CollectionKey;
  recordType: string;
  idKind: 'int64' | 'uuid';
  createStatus: 200 | 201;
  createRequired: readonly string[];
  /** Required on PATCH too (call control and TeXML applications, outbound voice profiles, IPs). */
  patchRequired: readonly string[];
  writable: readonly string[];
  types: Readonly<Record<string, FieldType>>;
}
