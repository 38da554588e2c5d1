/** The message that calls the approvers to a watch alert's card. */
import type { StepCardView } from '../../incidents/views/view-types.js';
import { clip, escapeMrkdwn, mentionList, plural, sectionBlock } from './mrkdwn.js';
import type { SlackMessage } from './types.js';

const SHOWN = 3;

/**
 * Posted right after the alert's card: what came back (the first few findings, escaped: a resource
 * name is the attacker's text), what approving does, and the approvers, mentioned so they are told.
 */
export function buildWatchAlertMessage(view: StepCardView, approvers: readonly string[]): SlackMessage {
  const found = view.step.findings ?? [];
  const lines = found.slice(0, SHOWN).map((f) => `• ${escapeMrkdwn(clip(f.summary, 200))}`);
  if (found.length > SHOWN) lines.push(`• …and ${found.length - SHOWN} more on the card`);
  const what = `${plural(found.length, 'new suspicious change')} since the clean-up`;
  const undo =
    view.actions.length > 0
      ? `Approve on the card above to undo ${view.actions.length === 1 ? 'it' : 'them'}.`
      : 'Nothing here can be undone through the API: review it by hand, then Mark done on the card above.';
  const call = approvers.length > 0 ? `${mentionList([...approvers], 10)}: ` : '';
  const text = `🚨 ${call}the watch found ${what} (${clip(view.definition.title, 150)}).`;
  return {
    text,
    blocks: [
      sectionBlock(
        'watch-alert',
        `🚨 ${call}*The watch found ${what}* — ${escapeMrkdwn(clip(view.definition.title, 150))}\n${lines.join('\n')}\n${undo}`,
      ),
    ],
  };
}
