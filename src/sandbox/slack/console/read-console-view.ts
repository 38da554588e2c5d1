import { channelEphemerals, channelMessages } from '../model/read-workspace.js';
import type { LocalUser } from '../model/types.js';
import { GENERAL_CHANNEL_ID, type Workspace } from '../model/workspace.js';
import type { ChannelEntry, ConsoleView, RenderNames } from '../render/types.js';

export function workspaceNames(ws: Workspace): RenderNames {
  return {
    user: (id) => {
      const user = ws.users.get(id);
      return user ? (user.realName ?? user.name) : id;
    },
    channel: (id) => ws.channels.get(id)?.name,
  };
}

/** The channels a person sees in the sidebar: the ones they are in, #general first. */
export function visibleChannels(ws: Workspace, userId: string): ChannelEntry[] {
  return [...ws.channels.values()]
    .filter((c) => c.members.has(userId))
    .sort((a, b) => Number(b.id === GENERAL_CHANNEL_ID) - Number(a.id === GENERAL_CHANNEL_ID))
    .map(({ id, name, isPrivate, isArchived }) => ({ id, name, isPrivate, isArchived }));
}

/**
 * What one page shows to one person: the channel they asked for when they are in it (else
 * #general), its messages, pins, their ephemerals there (those that arrived since the page was
 * loaded: like Slack's, they are gone on reload), their open modals. Plain data for the
 * renderer; `notice` is the warning the caller found for this channel (a real account).
 */
export function readConsoleView(
  ws: Workspace,
  input: {
    as: LocalUser;
    people: readonly LocalUser[];
    channelId: string | undefined;
    notice: string | null;
    /** When the page was loaded (ms); older ephemerals are not shown. Default: all. */
    since?: number;
    /** The CSRF token of the browser session asking (none: its forms cannot post). */
    csrf?: string;
  },
): ConsoleView {
  const channels = visibleChannels(ws, input.as.id);
  const entry = channels.find((c) => c.id === input.channelId) ?? channels[0];
  const stored = entry ? ws.channels.get(entry.id) : undefined;
  return {
    as: input.as,
    people: input.people,
    channels,
    channel: entry && stored ? { ...entry, topic: stored.topic, notice: input.notice } : null,
    messages: entry ? channelMessages(ws, entry.id) : [],
    pinned: new Set(ws.pins.filter((p) => p.channel === entry?.id).map((p) => p.ts)),
    ephemerals: entry
      ? channelEphemerals(ws, entry.id, input.as.id).filter((e) => e.at.getTime() >= (input.since ?? 0))
      : [],
    since: input.since ?? 0,
    views: [...ws.views.values()].filter((v) => v.state === 'open' && v.user === input.as.id),
    files: ws.files,
    names: workspaceNames(ws),
    botUserId: ws.botUserId,
    csrf: input.csrf ?? '',
  };
}

/** The channel a page is about, as readConsoleView will choose it (for looking up its notice first). */
export function chosenChannel(
  ws: Workspace,
  userId: string,
  requested: string | undefined,
): string | undefined {
  const channels = visibleChannels(ws, userId);
  return (channels.find((c) => c.id === requested) ?? channels[0])?.id;
}
