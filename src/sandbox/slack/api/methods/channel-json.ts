import type { LocalChannel } from '../../model/types.js';
import type { Workspace } from '../../model/workspace.js';

/** A conversation object in the shape conversations.* methods return. */
export function channelJson(ws: Workspace, channel: LocalChannel): Record<string, unknown> {
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !channel.isPrivate,
    is_group: channel.isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    is_archived: channel.isArchived,
    is_general: channel.name === 'general',
    is_member: channel.members.has(ws.botUserId),
    created: channel.created,
    creator: channel.creator,
    context_team_id: ws.teamId,
    topic: { value: channel.topic, creator: channel.topic ? ws.botUserId : '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
    num_members: channel.members.size,
  };
}
