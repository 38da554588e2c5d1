/** Posts an audit-chain anchor in its incident's channel, in the thread of the pinned progress card. */
import type { RecordedAnchor } from '../../domain/audit-anchor.js';
import { loadCardPlaces } from '../../incidents/cards/load-card-places.js';
import { buildAnchorMessage } from '../blocks/build-anchor-message.js';
import { SlackCallError } from '../gateway/slack-call-error.js';
import type { SlackContext } from './card-context.js';

export async function postAnchor(
  ctx: SlackContext,
  incidentId: string,
  anchor: RecordedAnchor,
): Promise<void> {
  try {
    const { incident } = await loadCardPlaces(ctx.deps, incidentId);
    if (!incident.channelId) return;
    // In the progress card's thread: kept in the channel, out of the way of the cards.
    await ctx.gateway.post(incident.channelId, buildAnchorMessage(anchor), incident.progressTs ?? undefined);
  } catch (err) {
    const code = err instanceof SlackCallError ? err.slackError : (err as { code?: string }).code;
    ctx.logger.warn({ incidentId, seq: anchor.seq, code }, 'audit anchor not posted to the channel');
  }
}
