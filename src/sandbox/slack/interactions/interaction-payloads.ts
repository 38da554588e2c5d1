import { messageJson } from '../api/message-content.js';
import { viewJson } from '../api/methods/pins-and-views.js';
import type { FoundButton, LocalChannel, LocalUser, OpenedView, StoredMessage } from '../model/types.js';
import type { Workspace } from '../model/workspace.js';

/** The legacy verification token Slack still puts in payloads; Bolt ignores it in favour of the signature. */
export const VERIFICATION_TOKEN = 'local-verification-token';

/** Values of a modal's inputs as `view.state.values`: block_id → action_id → element state. */
export type ViewValues = Record<
  string,
  Record<string, { type: string; value?: string | null } & Record<string, unknown>>
>;

interface Ids {
  responseUrl: string;
  triggerId: string;
}

const userJson = (ws: Workspace, user: LocalUser) => ({
  id: user.id,
  username: user.name,
  name: user.name,
  team_id: ws.teamId,
});
const teamJson = (ws: Workspace) => ({ id: ws.teamId, domain: ws.teamDomain });

/** The form fields of a slash command invocation. */
export function commandForm(
  ws: Workspace,
  input: { user: LocalUser; channel: LocalChannel; command: string; text: string } & Ids,
): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: ws.teamId,
    team_domain: ws.teamDomain,
    channel_id: input.channel.id,
    channel_name: input.channel.isPrivate ? 'privategroup' : input.channel.name,
    user_id: input.user.id,
    user_name: input.user.name,
    command: input.command,
    text: input.text,
    api_app_id: ws.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

/** A `block_actions` payload for one button click on a message (its current version). */
export function blockActionsPayload(
  ws: Workspace,
  input: { user: LocalUser; channel: LocalChannel; message: StoredMessage; button: FoundButton } & Ids,
): Record<string, unknown> {
  const { button } = input;
  return {
    type: 'block_actions',
    user: userJson(ws, input.user),
    api_app_id: ws.appId,
    token: VERIFICATION_TOKEN,
    container: {
      type: 'message',
      message_ts: input.message.ts,
      channel_id: input.channel.id,
      is_ephemeral: false,
    },
    trigger_id: input.triggerId,
    team: teamJson(ws),
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channel.id, name: input.channel.name },
    message: messageJson(ws, input.message),
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: button.actionId,
        block_id: button.blockId,
        text: { type: 'plain_text', text: button.text, emoji: true },
        ...(button.value === undefined ? {} : { value: button.value }),
        ...(button.style === undefined ? {} : { style: button.style }),
        action_ts: ws.nextTs(),
      },
    ],
  };
}

/** A `view_submission` payload for an open modal with the given input values. */
export function viewSubmissionPayload(
  ws: Workspace,
  input: { user: LocalUser; opened: OpenedView; values: ViewValues; triggerId: string },
): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: teamJson(ws),
    user: userJson(ws, input.user),
    api_app_id: ws.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId,
    view: { ...viewJson(ws, input.opened), state: { values: input.values } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
