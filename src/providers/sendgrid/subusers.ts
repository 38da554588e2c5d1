import { recordsOf } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listByOffset } from './paging.js';
import { ctxOf } from './requests.js';
import { resourcePath } from './resource-path.js';
import { noContent } from './schemas/common.js';
import { subuserSchema } from './schemas/subusers.js';

/**
 * Page size for `GET /v3/subusers`. The spec names no maximum ("if omitted, the default page size
 * is used"); 100 is a size every generation of the API has accepted.
 */
export const SENDGRID_SUBUSERS_PAGE = 100;

export type SubusersApi = ReturnType<typeof createSubusersApi>;

const SUBUSERS = '/v3/subusers';

export function createSubusersApi(http: ProviderHttp) {
  const list = (filter: { username?: string } = {}) =>
    listByOffset(http, {
      path: SUBUSERS,
      operation: 'list subusers',
      schema: recordsOf(subuserSchema, ctxOf(http, 'list subusers', ['username', 'id'])),
      items: (page) => page,
      limit: SENDGRID_SUBUSERS_PAGE,
      query: { username: filter.username },
    });
  return {
    /** `GET /v3/subusers?limit=100&offset=…`, every page; `username` narrows it to that subuser. */
    list,
    /**
     * The subuser named exactly `username`, or null. `?username=` is a filter SendGrid may answer
     * with several subusers (a prefix match), so the answer is searched for the exact name.
     */
    async find(username: string) {
      const { items } = await list({ username });
      return items.find((s) => s.username === username) ?? null;
    },
    /** `PATCH /v3/subusers/{name}` `{ disabled }` (204): a disabled subuser cannot send or sign in. */
    async setDisabled(username: string, disabled: boolean) {
      await http.request({
        method: 'PATCH',
        path: resourcePath(SUBUSERS, username),
        body: { json: { disabled } },
        schema: noContent,
        operation: disabled ? 'disable subuser' : 'enable subuser',
      });
    },
  };
}
