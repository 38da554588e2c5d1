import { inviteRef, type SendgridClient, type Teammate } from '../../providers/sendgrid/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { removeListed, removeOrGone } from '../kit/step-kit.js';

/** Deletes a teammate; a recheck lists teammates first and stops if they are gone. */
export const deleteTeammate = removeListed<SendgridClient, Teammate>(
  (client) => client.teammates,
  (t) => t.username,
  { result: { deleted: true } },
);

/**
 * Cancels an invitation. The plan names it by a digest of its token (the token lets anyone accept
 * it, so it never goes into a plan, a card or the audit log); the invitations are read again to
 * find the token, and an invitation no longer listed was accepted, cancelled or expired already.
 */
export const cancelInvite: KindExecutor<SendgridClient> = async (ctx, action) => {
  const api = ctx.client.teammates;
  const invite = (await api.listPending()).items.find((i) => inviteRef(i.token) === action.target);
  if (!invite) return { result: { cancelled: true, note: 'no longer pending' } };
  return removeOrGone(() => api.cancelInvite(invite.token), { result: { cancelled: true } });
};
