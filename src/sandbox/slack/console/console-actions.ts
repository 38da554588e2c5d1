import type { ViewValues } from '../interactions/interaction-payloads.js';
import type { InteractionDeps } from '../interactions/interactions.js';
import { clickButton, sendCommand, submitView } from '../interactions/interactions.js';
import { findButtons } from '../model/find-buttons.js';
import type { LocalUser } from '../model/types.js';
import type { Workspace } from '../model/workspace.js';
import { formInputState } from '../render/render-form-inputs.js';

/** The slash commands installed in the local workspace (the manifest's). */
export const LOCAL_COMMANDS = new Set(['/compromise']);

export interface ActionDeps {
  ws: Workspace;
  drive: InteractionDeps;
  changed(): void;
}

/** What the page is told: done, or a sentence for the status line. */
export interface ActionResult {
  ok: boolean;
  notice?: string;
}

const refused = (notice: string): ActionResult => ({ ok: false, notice });

function delivered(status: number, what: string): ActionResult {
  return status === 200
    ? { ok: true }
    : refused(`${what} did not reach Reclaim (HTTP ${status}); see its log.`);
}

function memberOf(ws: Workspace, channelId: string, as: LocalUser): boolean {
  return ws.channels.get(channelId)?.members.has(as.id) ?? false;
}

/** The message box: `/compromise …` goes to the bot as a signed slash command; other text is a message. */
export async function typeInChannel(
  deps: ActionDeps,
  as: LocalUser,
  form: URLSearchParams,
): Promise<ActionResult> {
  const channel = form.get('channel') ?? '';
  const text = (form.get('text') ?? '').trim();
  if (!memberOf(deps.ws, channel, as)) return refused('You are not in that channel.');
  if (text.length === 0) return refused('Type a message or /compromise help.');
  if (text.startsWith('/')) {
    const command = text.split(/\s+/)[0] ?? '';
    if (!LOCAL_COMMANDS.has(command)) {
      return refused(
        `${command} is not a command here; Reclaim Local has ${[...LOCAL_COMMANDS].join(', ')}.`,
      );
    }
    const args = text.slice(command.length).trim();
    const result = await sendCommand(deps.drive, as.id, command, args, { channelId: channel });
    return delivered(result.status, command);
  }
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  deps.ws.postMessage(
    channel,
    { text: escaped, blocks: [], attachments: [] },
    { user: as.id, postedWith: 'console' },
  );
  deps.changed();
  return { ok: true };
}

/** A button: looked up on the message as it is now (never trusted from the page), then clicked. */
export async function clickInMessage(
  deps: ActionDeps,
  as: LocalUser,
  form: URLSearchParams,
): Promise<ActionResult> {
  const channel = form.get('channel') ?? '';
  const ts = form.get('ts') ?? '';
  let blockId = '';
  let actionId = '';
  try {
    [blockId, actionId] = JSON.parse(form.get('action') ?? '[]') as [string, string];
  } catch {
    return refused('That click could not be read.');
  }
  if (!memberOf(deps.ws, channel, as)) return refused('You are not in that channel.');
  const message = deps.ws.message(channel, ts);
  if (!message) return refused('That message is gone.');
  const [button] = findButtons(
    [deps.ws.viewOf(message)],
    (b) => b.blockId === blockId && b.actionId === actionId,
  );
  if (!button) return refused('That button is no longer on the message; it was redrawn. Try again.');
  const result = await clickButton(deps.drive, as.id, button);
  return delivered(result.status, `"${button.text}"`);
}

/** A modal's inputs as Slack's `view.state.values`, read from the form by each input's name. */
function viewValues(view: Record<string, unknown>, form: URLSearchParams): ViewValues {
  const values: ViewValues = {};
  for (const block of Array.isArray(view.blocks) ? view.blocks : []) {
    const b = block as { type?: string; block_id?: string; element?: { type?: string; action_id?: string } };
    if (b.type !== 'input' || !b.block_id || !b.element?.action_id) continue;
    const key = JSON.stringify([b.block_id, b.element.action_id]);
    const state = formInputState(b.element as Record<string, unknown>, form.getAll(key));
    const value = form.get(key);
    values[b.block_id] = {
      [b.element.action_id]: (state ?? {
        type: b.element.type ?? 'plain_text_input',
        value: value ?? null,
      }) as never,
    };
  }
  return values;
}

export async function submitModal(
  deps: ActionDeps,
  as: LocalUser,
  viewId: string,
  form: URLSearchParams,
): Promise<ActionResult> {
  const opened = deps.ws.views.get(viewId);
  if (opened?.state !== 'open' || opened.user !== as.id) return refused('That dialog is closed.');
  const result = await submitView(deps.drive, as.id, viewId, viewValues(opened.view, form));
  if (result.status !== 200) return delivered(result.status, 'The dialog');
  return opened.errors ? refused('Reclaim did not accept that; see the dialog.') : { ok: true };
}

export function closeModal(deps: ActionDeps, as: LocalUser, viewId: string): ActionResult {
  const opened = deps.ws.views.get(viewId);
  if (opened?.user !== as.id) return refused('That dialog is not yours.');
  opened.state = 'closed';
  deps.changed();
  return { ok: true };
}

/** "Dismiss message" on an ephemeral: it is gone for good, as in Slack. */
export function dismissEphemeral(deps: ActionDeps, as: LocalUser, ts: string): ActionResult {
  const i = deps.ws.ephemerals.findIndex((e) => e.ts === ts && e.user === as.id);
  if (i >= 0) deps.ws.ephemerals.splice(i, 1);
  deps.changed();
  return { ok: true };
}
