import { USAGE } from '../commands/parse-command.js';
import { clip, sectionBlock } from './mrkdwn.js';
import type { SlackMessage } from './types.js';

/** The ephemeral answer to `help` or to a command that did not parse: what was wrong, then the usage. */
export function buildUsageMessage(problem?: string): SlackMessage {
  if (!problem) return { text: 'How to use /compromise', blocks: [sectionBlock('usage', USAGE)] };
  const said = clip(problem, 1000);
  return {
    text: said,
    blocks: [sectionBlock('problem', `⚠️ ${said}`), sectionBlock('usage', USAGE)],
  };
}

/** An ephemeral "no": not allowed, not an incident channel, stale plan, already decided… */
export function buildRefusal(message: string): SlackMessage {
  const said = clip(message, 2000);
  return { text: said, blocks: [sectionBlock('refusal', `🚫 ${said}`)] };
}
