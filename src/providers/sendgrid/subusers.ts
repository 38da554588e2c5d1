import { z } from 'zod';
import type { ProviderHttp } from '../http/types.js';
import { listByOffset } from './paging.js';
import { resourcePath } from './resource-path.js';
import { noContent } from './schemas/common.js';
import { type Subuser, subuserSchema } from './schemas/subusers.js';

/**
 * Page size for `GET /v3/subusers`. The spec names no maximum ("if omitted, the default page size
 * is used"); 100 is a size every generation of the API has accepted.
 */
export const SENDGRID_SUBUSERS_PAGE = 100;

export interface SubusersApi {
  /** `GET /v3/subusers?limit=100&offset=…`, every page; `username` narrows it to that subuser. */
  list(filter?: { username?: string }): Promise<Subuser[]>;
  /** `PATCH /v3/subusers/{name}` `{ disabled }` (204): a disabled subuser cannot send or sign in. */
  setDisabled(username: string, disabled: boolean): Promise<void>;
}

const SUBUSERS = '/v3/subusers';

export function createSubusersApi(http: ProviderHttp): SubusersApi {
  return {
    list: (filter = {}) =>
      listByOffset(http, {
        path: SUBUSERS,
        operation: 'list subusers',
        schema: z.array(subuserSchema),
        items: (page) => page,
        limit: SENDGRID_SUBUSERS_PAGE,
        query: { username: filter.username },
      }),
    async setDisabled(username, disabled) {
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
