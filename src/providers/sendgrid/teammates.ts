import type { ProviderHttp } from '../http/types.js';
import { listByOffset } from './paging.js';
import { ctxOf, deleteById, getResults } from './requests.js';
import { resultRecords } from './schemas/common.js';
import { pendingInviteSchema, teammateSchema } from './schemas/teammates.js';

/** `limit` maximum of `GET /v3/teammates` (spec: `maximum: 500`). */
export const SENDGRID_TEAMMATES_PAGE = 500;

export type TeammatesApi = ReturnType<typeof createTeammatesApi>;

const TEAMMATES = '/v3/teammates';
const PENDING = `${TEAMMATES}/pending`;

export function createTeammatesApi(http: ProviderHttp) {
  return {
    /** `GET /v3/teammates?limit=500&offset=…`, every page. */
    list: () =>
      listByOffset(http, {
        path: TEAMMATES,
        operation: 'list teammates',
        schema: resultRecords(teammateSchema, ctxOf(http, 'list teammates', ['username', 'email'])),
        items: (page) => page.result,
        limit: SENDGRID_TEAMMATES_PAGE,
      }),
    /** `GET /v3/teammates/pending`: invitations not yet accepted. */
    listPending: () =>
      // Never named by its token (whoever holds it can accept the invitation): by its address.
      getResults(http, PENDING, 'list pending teammate invitations', pendingInviteSchema, ['email']),
    /** `DELETE /v3/teammates/{username}` (204). */
    delete: (username: string) => deleteById(http, TEAMMATES, username, 'delete teammate'),
    /** `DELETE /v3/teammates/pending/{token}` (204): the invitation can no longer be accepted. */
    cancelInvite: (token: string) =>
      // Whoever holds the token can accept the invitation: logs and errors never show it.
      deleteById(http, PENDING, token, 'cancel teammate invitation', `${PENDING}/[redacted]`),
  };
}
