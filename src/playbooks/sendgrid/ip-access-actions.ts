import { z } from 'zod';
import type { AllowedIp, SendgridClient } from '../../providers/sendgrid/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { removeOrGone } from '../kit/step-kit.js';
import { paramsOf, SendgridPlaybookError } from './playbook-error.js';
import { isCovered } from './trust.js';

const addParams = z.object({ ips: z.array(z.string()).min(1) });
const removeParams = z.object({ ruleId: z.number().int(), ip: z.string(), keep: z.array(z.string()) });

/** Whether `ip` is on the list, as itself or inside an entry's range (entries without an address cover nothing). */
function covered(ip: string, list: readonly AllowedIp[]): boolean {
  return isCovered(
    ip,
    list.flatMap((e) => (e.ip === null ? [] : [e.ip])),
  );
}

/** Adds the responders' addresses; a recheck adds only those still missing. */
export const addAllowedIps: KindExecutor<SendgridClient> = async (ctx, action, recheck) => {
  const { ips } = paramsOf(action, addParams);
  const api = ctx.client.accessSettings;
  const list = recheck ? (await api.listAllowed()).items : [];
  const wanted = ips.filter((ip) => !covered(ip, list));
  if (wanted.length === 0) return { result: { added: [], note: 'already on the allow list' } };
  const created = await api.addAllowed(wanted);
  return { result: { added: created.map((e) => ({ id: e.id, ip: e.ip })) } };
};

/**
 * Removes one entry, but only while every address in `keep` (the responders' and the trusted
 * ones) is on the list: if adding them failed, removing others could lock everyone out, which only
 * SendGrid support can undo. It reads the list first, so a removal already done is not repeated.
 */
export const removeAllowedIp: KindExecutor<SendgridClient> = async (ctx, action) => {
  const { ruleId, ip, keep } = paramsOf(action, removeParams);
  const api = ctx.client.accessSettings;
  const listing = await api.listAllowed();
  const list = listing.items;
  const listed = list.some((e) => e.id === ruleId) || listing.unreadable.some((u) => u.id === String(ruleId));
  if (!listed) return { result: { removed: true, ip, note: 'already gone' } };
  // What stays after this removal must still let the responders in.
  const absent = keep.filter(
    (k) =>
      !covered(
        k,
        list.filter((e) => e.id !== ruleId),
      ),
  );
  if (absent.length > 0) {
    throw new SendgridPlaybookError(
      'sendgrid_lockout_guard',
      `Not removing ${ip} from the allow list: ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} not on it, so the removal could lock the responders out. Add them, then retry.`,
      { details: { ruleId, absent } },
    );
  }
  return removeOrGone(() => api.removeAllowed(ruleId), { result: { removed: true, ip } });
};
