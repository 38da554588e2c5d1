import type { App } from '@slack/bolt';
import type { SlackContext } from './cards/card-context.js';
import type { CardDrawer } from './cards/card-drawer.js';
import { registerCompromiseCommand } from './listeners/compromise-command.js';
import { registerConnectModal } from './listeners/connect-modal.js';
import { registerDecideButtons } from './listeners/decide-buttons.js';
import { registerNewKeyModal } from './listeners/new-key-modal.js';
import { registerPostureButton } from './listeners/posture-command.js';
import { registerRevealButton } from './listeners/reveal-button.js';
import { registerSettleButtons } from './listeners/settle-buttons.js';
import { registerSkipModal } from './listeners/skip-modal.js';
import { registerStartModal } from './listeners/start-modal.js';
import { registerUnknownActions } from './listeners/unknown-actions.js';

/** Every listener, one feature at a time. */
export function registerListeners(app: App, ctx: SlackContext, cards: CardDrawer): void {
  registerCompromiseCommand(app, ctx, cards);
  registerDecideButtons(app, ctx, cards);
  registerSettleButtons(app, ctx, cards);
  registerRevealButton(app, ctx, cards);
  registerSkipModal(app, ctx, cards);
  registerConnectModal(app, ctx);
  registerNewKeyModal(app, ctx);
  registerStartModal(app, ctx, cards);
  registerPostureButton(app, ctx, cards);
  registerUnknownActions(app, ctx);
}
