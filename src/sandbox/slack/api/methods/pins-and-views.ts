import { SlackApiError } from '../../model/slack-api-error.js';
import type { OpenedView } from '../../model/types.js';
import type { Workspace } from '../../model/workspace.js';
import { objectArg, optionalString } from '../args.js';
import { readBlocks } from '../message-content.js';
import type { MethodTable } from './method-context.js';

/** A modal as views.* return it: the view the bot sent, plus the ids and state Slack adds. */
export function viewJson(ws: Workspace, opened: OpenedView): Record<string, unknown> {
  return {
    ...opened.view,
    id: opened.id,
    team_id: ws.teamId,
    app_id: ws.appId,
    bot_id: ws.botId,
    root_view_id: opened.id,
    previous_view_id: null,
    hash: `${opened.versions.length}.${opened.id}`,
    state: { values: {} },
  };
}

/** The view argument, checked like Slack checks a modal's blocks (at most 100). */
function readView(args: Record<string, unknown>): Record<string, unknown> {
  const view = objectArg(args, 'view', 'invalid_arguments');
  if (view.type !== 'modal') throw new SlackApiError('invalid_arguments');
  const blocks = readBlocks({ blocks: view.blocks }, 'modal');
  return { ...view, blocks };
}

export const pinAndViewMethods: MethodTable = {
  'pins.add': ({ ws }, args) => {
    const channel = ws.writableChannel(optionalString(args, 'channel'));
    const ts = optionalString(args, 'timestamp');
    if (ts === undefined) throw new SlackApiError('no_item_specified');
    if (!ws.message(channel.id, ts)) throw new SlackApiError('message_not_found');
    if (ws.pins.some((p) => p.channel === channel.id && p.ts === ts))
      throw new SlackApiError('already_pinned');
    ws.pins.push({ channel: channel.id, ts, pinnedBy: ws.botUserId, at: new Date(ws.now()) });
    return {};
  },

  /** Opens a modal for the user an interaction's trigger_id was issued to; each trigger works once. */
  'views.open': ({ ws, triggers }, args) => {
    const triggerId = optionalString(args, 'trigger_id');
    const view = readView(args);
    const user = triggers.exchange(triggerId);
    const opened: OpenedView = {
      id: ws.nextId('V'),
      user,
      triggerId: triggerId ?? '',
      state: 'open',
      view,
      versions: [view],
    };
    ws.views.set(opened.id, opened);
    return { view: viewJson(ws, opened) };
  },

  'views.update': ({ ws }, args) => {
    const viewId = optionalString(args, 'view_id');
    const externalId = optionalString(args, 'external_id');
    const opened =
      viewId !== undefined
        ? ws.views.get(viewId)
        : [...ws.views.values()].find((v) => externalId !== undefined && v.view.external_id === externalId);
    if (!opened) throw new SlackApiError('not_found');
    const hash = optionalString(args, 'hash');
    if (hash !== undefined && hash !== viewJson(ws, opened).hash) throw new SlackApiError('hash_conflict');
    const view = readView(args);
    opened.view = view;
    opened.versions.push(view);
    return { view: viewJson(ws, opened) };
  },
};
