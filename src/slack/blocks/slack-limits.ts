/** Block Kit limits (reference/slack.md §6) that the builders stay within. */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  privateMetadata: 3000,
  /** chat.update refuses a top-level `text` longer than this (`msg_too_long`). */
  messageText: 4000,
  /**
   * Slack also refuses a message whose blocks hold too much text in all (`msg_blocks_too_long`);
   * the limit is undocumented and was seen below 12,000 characters, so we stay under 10,000.
   */
  blocksTextBudget: 10_000,
} as const;
