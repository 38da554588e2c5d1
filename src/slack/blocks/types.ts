import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;
export type ActionsBlock = types.ActionsBlock;
export type Button = types.Button;
export type ModalView = types.ModalView;

/** What every builder returns: blocks plus the top-level `text` Slack uses for notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}
