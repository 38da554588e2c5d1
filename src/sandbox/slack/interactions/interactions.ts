import { applyResponse } from '../api/apply-response.js';
import type { ResponseUrlBook, TriggerBook } from '../api/interaction-tokens.js';
import { LocalSlackError, SlackApiError } from '../model/slack-api-error.js';
import type { FoundButton, LocalChannel, LocalUser, OpenedView, ResponseRecord } from '../model/types.js';
import { GENERAL_CHANNEL_ID, type Workspace } from '../model/workspace.js';
import { type BotTarget, type Delivery, deliverToBot } from './deliver-to-bot.js';
import {
  blockActionsPayload,
  commandForm,
  type ViewValues,
  viewSubmissionPayload,
} from './interaction-payloads.js';
import type { SignOptions } from './sign-request.js';

export interface InteractionDeps {
  ws: Workspace;
  triggers: TriggerBook;
  responses: ResponseUrlBook;
  responseUrl: (id: string) => string;
  /** The connected bot; throws when no bot is connected. */
  bot: () => BotTarget;
  /** Told when an ack changed the workspace (an ephemeral from a command's ack, a modal's state). */
  changed?: () => void;
}

/** The bot's ack plus what it later sends to this interaction's response_url (the list grows). */
export interface InteractionResult extends Delivery {
  responses: ResponseRecord[];
  triggerId: string;
  responseUrl: string;
}

function person(ws: Workspace, userId: string): LocalUser {
  const user = ws.users.get(userId);
  if (!user || user.isBot) throw new LocalSlackError(`no person ${userId} in this workspace`);
  return user;
}

function channelFor(ws: Workspace, channelId: string): LocalChannel {
  try {
    return ws.channel(channelId);
  } catch (err) {
    if (err instanceof SlackApiError) throw new LocalSlackError(`no channel ${channelId} in this workspace`);
    throw err;
  }
}

/** A command's ack body shows up like Slack shows it: text or blocks become a message to the user. */
function applyCommandAck(ws: Workspace, target: { channel: string; user: string }, body: unknown): void {
  const message = typeof body === 'string' ? (body.trim() ? { text: body } : undefined) : body;
  if (typeof message !== 'object' || message === null) return;
  const fields = message as Record<string, unknown>;
  if (fields.text === undefined && fields.blocks === undefined) return;
  applyResponse(ws, { ...target, messageTs: undefined }, fields, 'ack');
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

/** After a view_submission ack: errors keep the modal open, update/push change it, anything else closes it. */
function applyViewAck(ws: Workspace, opened: OpenedView, delivery: Delivery): void {
  if (delivery.status !== 200) return;
  const body = (typeof delivery.body === 'object' && delivery.body !== null ? delivery.body : {}) as Record<
    string,
    unknown
  >;
  const next = body.view as Record<string, unknown> | undefined;
  if (body.response_action === 'errors') {
    opened.errors = stringRecord(body.errors);
    return;
  }
  delete opened.errors;
  if (body.response_action === 'update' && next) {
    opened.view = next;
    opened.versions.push(next);
    return;
  }
  if (body.response_action === 'push' && next) {
    const id = ws.nextId('V');
    ws.views.set(id, { ...opened, id, view: next, versions: [next] });
    return;
  }
  opened.state = 'closed';
}

export async function sendCommand(
  deps: InteractionDeps,
  userId: string,
  command: string,
  text: string,
  options: { channelId?: string; sign?: SignOptions } = {},
): Promise<InteractionResult> {
  const user = person(deps.ws, userId);
  const channel = channelFor(deps.ws, options.channelId ?? GENERAL_CHANNEL_ID);
  const target = deps.responses.issue({ channel: channel.id, user: user.id });
  const responseUrl = deps.responseUrl(target.id);
  const triggerId = deps.triggers.issue(user.id);
  const form = commandForm(deps.ws, { user, channel, command, text, responseUrl, triggerId });
  const delivery = await deliverToBot(deps.bot(), form, options.sign);
  if (delivery.status === 200) applyCommandAck(deps.ws, target, delivery.body);
  deps.changed?.();
  return { ...delivery, responses: target.records, triggerId, responseUrl };
}

/** Clicks a button found with findButtons; the payload carries the message's current version. */
export async function clickButton(
  deps: InteractionDeps,
  userId: string,
  button: FoundButton,
  options: { sign?: SignOptions } = {},
): Promise<InteractionResult> {
  const user = person(deps.ws, userId);
  const channel = channelFor(deps.ws, button.channel);
  const message = deps.ws.message(channel.id, button.messageTs);
  if (!message)
    throw new LocalSlackError(`message ${button.messageTs} is gone; its buttons cannot be clicked`);
  const target = deps.responses.issue({ channel: channel.id, user: user.id, messageTs: message.ts });
  const responseUrl = deps.responseUrl(target.id);
  const triggerId = deps.triggers.issue(user.id);
  const payload = blockActionsPayload(deps.ws, { user, channel, message, button, responseUrl, triggerId });
  const delivery = await deliverToBot(deps.bot(), { payload: JSON.stringify(payload) }, options.sign);
  return { ...delivery, responses: target.records, triggerId, responseUrl };
}

/** Submits an open modal as the user it was opened for; returns the bot's ack (e.g. response_action errors). */
export async function submitView(
  deps: InteractionDeps,
  userId: string,
  viewId: string,
  values: ViewValues,
  options: { sign?: SignOptions } = {},
): Promise<Delivery & { triggerId: string; view: OpenedView }> {
  const user = person(deps.ws, userId);
  const opened = deps.ws.views.get(viewId);
  if (opened?.state !== 'open' || opened.user !== user.id) {
    throw new LocalSlackError(`view ${viewId} is not open for ${userId}`);
  }
  const triggerId = deps.triggers.issue(user.id);
  const payload = viewSubmissionPayload(deps.ws, { user, opened, values, triggerId });
  const delivery = await deliverToBot(deps.bot(), { payload: JSON.stringify(payload) }, options.sign);
  applyViewAck(deps.ws, opened, delivery);
  deps.changed?.();
  return { ...delivery, triggerId, view: opened };
}
