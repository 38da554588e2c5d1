import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listByOffset } from './paging.js';
import { resourcePath } from './resource-path.js';
import { noContent, resultRecords } from './schemas/common.js';
import {
  type PendingInvite,
  pendingInviteSchema,
  type Teammate,
  teammateSchema,
} from './schemas/teammates.js';

/** `limit` maximum of `GET /v3/teammates` (spec: `maximum: 500`). */
export const SENDGRID_TEAMMATES_PAGE = 500;

export interface TeammatesApi {
  /** `GET /v3/teammates?limit=500&offset=…`, every page. */
  list(): Promise<Listing<Teammate>>;
  /** `GET /v3/teammates/pending`: invitations not yet accepted. */
  listPending(): Promise<Listing<PendingInvite>>;
  /** `DELETE /v3/teammates/{username}` (204). */
  delete(username: string): Promise<void>;
  /** `DELETE /v3/teammates/pending/{token}` (204): the invitation can no longer be accepted. */
  cancelInvite(token: string): Promise<void>;
}

const TEAMMATES = '/v3/teammates';

export function createTeammatesApi(http: ProviderHttp): TeammatesApi {
  return {
    list: () =>
      listByOffset(http, {
        path: TEAMMATES,
        operation: 'list teammates',
        schema: resultRecords(teammateSchema, {
          provider: http.provider,
          operation: 'list teammates',
          idKeys: ['username', 'email'],
        }),
        items: (page) => page.result,
        limit: SENDGRID_TEAMMATES_PAGE,
      }),
    async listPending() {
      const res = await http.request({
        method: 'GET',
        path: `${TEAMMATES}/pending`,
        // Never named by its token (whoever holds it can accept the invitation): by its address.
        schema: resultRecords(pendingInviteSchema, {
          provider: http.provider,
          operation: 'list pending teammate invitations',
          idKeys: ['email'],
        }),
        operation: 'list pending teammate invitations',
      });
      return res.data.result;
    },
    async delete(username) {
      await http.request({
        method: 'DELETE',
        path: resourcePath(TEAMMATES, username),
        schema: noContent,
        operation: 'delete teammate',
      });
    },
    async cancelInvite(token) {
      await http.request({
        method: 'DELETE',
        path: resourcePath(`${TEAMMATES}/pending`, token),
        // Whoever holds the token can accept the invitation: logs and errors never show it.
        shownPath: `${TEAMMATES}/pending/[redacted]`,
        schema: noContent,
        operation: 'cancel teammate invitation',
      });
    },
  };
}
