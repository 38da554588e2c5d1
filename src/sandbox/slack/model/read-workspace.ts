import type { EphemeralMessage, MessageView, PinRecord } from './types.js';
import type { Workspace } from './workspace.js';

/** A channel as readers (tests, the console) see it. */
export interface ChannelView {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  topic: string;
  members: string[];
}

/** Current versions of a channel's messages (thread replies included), oldest first; deleted ones left out. */
export function channelMessages(ws: Workspace, channel: string): MessageView[] {
  return ws.messages.filter((m) => m.channel === channel && !m.deleted).map((m) => ws.viewOf(m));
}

export function channelEphemerals(ws: Workspace, channel: string, user?: string): EphemeralMessage[] {
  return ws.ephemerals.filter((e) => e.channel === channel && (user === undefined || e.user === user));
}

/** The pinned messages of a channel in pin order, each with its current content. */
export function channelPins(ws: Workspace, channel: string): (MessageView & { pin: PinRecord })[] {
  return ws.pins.flatMap((pin) => {
    const message = pin.channel === channel ? ws.message(pin.channel, pin.ts) : undefined;
    return message ? [{ ...ws.viewOf(message), pin }] : [];
  });
}

export function channelList(ws: Workspace): ChannelView[] {
  return [...ws.channels.values()].map((c) => ({
    id: c.id,
    name: c.name,
    isPrivate: c.isPrivate,
    isArchived: c.isArchived,
    topic: c.topic,
    members: [...c.members],
  }));
}
