import type { App } from '@slack/bolt';
import { OPEN_FROM_CHECK } from '../blocks/build-posture-report.js';
import { STEP_ACTION } from '../blocks/button-value.js';
import type { SlackContext } from '../cards/card-context.js';

const KNOWN = new Set<string>([...Object.values(STEP_ACTION), OPEN_FROM_CHECK]);

/**
 * Clicks Reclaim does not know (an old card, a link button) are acked, so Slack shows no error, and
 * logged; a link button needs nothing more.
 */
export function registerUnknownActions(app: App, ctx: SlackContext): void {
  app.action({ type: 'block_actions' }, async ({ ack, action, context }) => {
    const id = (action as { action_id?: string }).action_id ?? '';
    if (KNOWN.has(id) && id !== STEP_ACTION.link) return; // its own listener acks it
    await ack();
    ctx.acked(context, 'block_actions');
    if (id !== STEP_ACTION.link) ctx.logger.info({ actionId: id }, 'ignored a click on an unknown action');
  });
}
