import { type Listing, listingHas } from '../../providers/http/index.js';
import type { AddressFilter, TelnyxClient } from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { removeUnlessGone, writeUnlessDone } from '../kit/step-kit.js';
import { textParam } from './playbook-error.js';

/**
 * One DELETE; a recheck first lists the connection's addresses and skips the DELETE when the
 * address is no longer there. A 404 on the DELETE means someone removed it first: done as well.
 */
interface AddressApi {
  list(filter?: AddressFilter): Promise<Listing<{ id: string }>>;
  delete(id: string): Promise<unknown>;
}

function removeAddress(api: (client: TelnyxClient) => AddressApi): KindExecutor<TelnyxClient> {
  return (ctx, action, recheck) => {
    const connectionId = textParam(action, 'connectionId');
    const addresses = api(ctx.client);
    return removeUnlessGone(
      recheck,
      async () =>
        listingHas(
          await addresses.list(connectionId === '' ? {} : { connectionId }),
          action.target,
          (a) => a.id,
        ),
      () => addresses.delete(action.target),
      { result: { removed: true } },
    );
  };
}

export const removeIp = removeAddress((client) => client.ips);

export const removeFqdn = removeAddress((client) => client.fqdns);

/** `active: false` on a connection made in the window; a recheck finds it already off and writes nothing. */
function deactivate(
  api: (client: TelnyxClient) => TelnyxClient['ipConnections'] | TelnyxClient['fqdnConnections'],
): KindExecutor<TelnyxClient> {
  return (ctx, action, recheck) => {
    const connections = api(ctx.client);
    return writeUnlessDone(
      recheck,
      async () => ((await connections.get(action.target)).active ? undefined : { result: { active: false } }),
      async () => ({
        result: { active: (await connections.update(action.target, { active: false })).active },
      }),
    );
  };
}

export const deactivateIpConnection = deactivate((client) => client.ipConnections);

export const deactivateFqdnConnection = deactivate((client) => client.fqdnConnections);
