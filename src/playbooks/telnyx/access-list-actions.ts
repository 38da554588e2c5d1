import { z } from 'zod';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { isCovered } from '../kit/allow-list.js';
import { removeOrGone } from '../kit/step-kit.js';
import { accessApi, kindOfAddress, leavesReclaimIn, readAccessList } from './access-list-entries.js';
import { paramsOf, TelnyxPlaybookError } from './playbook-error.js';

const addParams = z.object({ ips: z.array(z.string()).min(1) });
const removeParams = z.object({
  list: z.enum(['address', 'range']),
  address: z.string(),
  keep: z.array(z.string()),
});

/** What an added entry says in the portal. */
export const RECLAIM_ENTRY_DESCRIPTION =
  'Kept by Reclaim (RECLAIM_TRUSTED_IPS) during the compromise clean-up';

/** Adds the trusted addresses, one request each; a recheck re-reads the list and adds only those still missing. */
export const addAccessIps: KindExecutor<TelnyxClient> = async (ctx, action, recheck) => {
  const { ips } = paramsOf(action, addParams);
  const entries = recheck ? (await readAccessList(ctx.client)).entries : [];
  const listed = entries.flatMap((e) => (e.address === null ? [] : [e.address]));
  const wanted = ips.filter((ip) => !isCovered(ip, listed));
  if (wanted.length === 0) return { result: { added: [], note: 'already on the allow-list' } };
  const added: { id: string; address: string | null }[] = [];
  for (const ip of wanted) {
    const entry = await accessApi(ctx.client, kindOfAddress(ip)).add(ip, RECLAIM_ENTRY_DESCRIPTION);
    added.push({ id: entry.id, address: entry.address });
  }
  return { result: { added } };
};

/**
 * Removes one entry, but only while what stays still lets Reclaim in: nothing (the list is off) or
 * every address of `keep`. It always re-reads the list, so a removal already done is not repeated
 * and a list changed since discovery is judged as it is now.
 */
export const removeAccessIp: KindExecutor<TelnyxClient> = async (ctx, action) => {
  const { list, address, keep } = paramsOf(action, removeParams);
  const { entries, listings } = await readAccessList(ctx.client);
  const self = (e: { id: string; list: string }) => e.id === action.target && e.list === list;
  const unreadable = listings.some((l) => l.unreadable.length > 0);
  if (!entries.some(self) && !unreadable) return { result: { removed: true, address, note: 'already gone' } };
  const remaining = entries.filter((e) => !self(e));
  if (unreadable || !leavesReclaimIn(remaining, keep)) {
    const why = unreadable
      ? 'some entries of the allow-list could not be read'
      : keep.length === 0
        ? `${remaining.length === 1 ? 'an entry' : `${remaining.length} entries`} would stay, and RECLAIM_TRUSTED_IPS is not set to tell whether Reclaim's own address is among them`
        : `${keep
            .filter(
              (k) =>
                !isCovered(
                  k,
                  remaining.flatMap((e) => (e.address ? [e.address] : [])),
                ),
            )
            .join(', ')} would not be on it`;
    throw new TelnyxPlaybookError(
      'telnyx_lockout_guard',
      `Not removing ${address} from the API allow-list: ${why}, so the removal could lock Reclaim out of the API. Remove it in the portal, or rediscover.`,
      { details: { id: action.target, list } },
    );
  }
  return removeOrGone(() => accessApi(ctx.client, list).delete(action.target), {
    result: { removed: true, address },
  });
};
