import { z } from 'zod';
import { LocalSlackError } from './slack-api-error.js';
import type { Workspace } from './workspace.js';

const optional = z.string().optional();

const snapshotSchema = z.object({
  version: z.literal(1),
  idCounter: z.number().int().nonnegative(),
  lastMicros: z.number().nonnegative(),
  users: z.array(z.object({ id: z.string(), name: z.string(), realName: optional, isBot: z.boolean() })),
  channels: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      isPrivate: z.boolean(),
      isArchived: z.boolean(),
      topic: z.string(),
      creator: z.string(),
      created: z.number(),
      members: z.array(z.string()),
    }),
  ),
  usergroups: z.record(z.string(), z.array(z.string())),
  messages: z.array(
    z.object({
      channel: z.string(),
      ts: z.string(),
      threadTs: optional,
      user: z.string(),
      postedWith: z.string(),
      text: z.string(),
      blocks: z.array(z.unknown()),
      attachments: z.array(z.unknown()),
      files: z.array(z.object({ id: z.string(), title: z.string(), name: z.string() })).optional(),
      at: z.string(),
    }),
  ),
  pins: z.array(z.object({ channel: z.string(), ts: z.string(), pinnedBy: z.string(), at: z.string() })),
  files: z.array(
    z.object({
      id: z.string(),
      filename: z.string(),
      title: z.string(),
      length: z.number(),
      bytes: optional,
      channel: optional,
      initialComment: optional,
      threadTs: optional,
    }),
  ),
});

/** What survives a restart: channels, the latest version of each message, pins, finished files. */
export type WorkspaceSnapshot = z.infer<typeof snapshotSchema>;

/**
 * The workspace as plain JSON. Left out on purpose: ephemeral messages (Slack forgets them on
 * reload, and a revealed credential must not be kept), open modals, trigger ids and response_urls,
 * older message versions and deleted messages.
 */
export function takeSnapshot(ws: Workspace): WorkspaceSnapshot {
  return {
    version: 1,
    idCounter: ws.idCounter,
    lastMicros: ws.lastMicros,
    users: [...ws.users.values()].map((u) => ({ ...u })),
    channels: [...ws.channels.values()].map((c) => ({ ...c, members: [...c.members] })),
    usergroups: Object.fromEntries(ws.usergroups),
    messages: ws.messages
      .filter((m) => !m.deleted)
      .map((m) => {
        const { at, ...latest } = m.versions[m.versions.length - 1]!;
        const { channel, ts, threadTs, user, postedWith } = m;
        return { channel, ts, threadTs, user, postedWith, ...latest, at: at.toISOString() };
      }),
    pins: ws.pins.map((p) => ({ ...p, at: p.at.toISOString() })),
    files: [...ws.files.values()]
      .filter((f) => f.completed)
      .map(({ bytes, completed: _completed, ...f }) => ({ ...f, bytes: bytes?.toString('base64') })),
  };
}

/** Puts a snapshot back into a freshly made workspace; throws LocalSlackError when it is not one. */
export function restoreSnapshot(ws: Workspace, value: unknown): void {
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success)
    throw new LocalSlackError('the saved console workspace is unreadable', 'local_slack_snapshot_invalid');
  const snap = parsed.data;
  ws.idCounter = Math.max(ws.idCounter, snap.idCounter);
  ws.lastMicros = Math.max(ws.lastMicros, snap.lastMicros);
  for (const user of snap.users) if (!ws.users.has(user.id)) ws.users.set(user.id, user);
  for (const c of snap.channels) ws.channels.set(c.id, { ...c, members: new Set(c.members) });
  for (const [id, members] of Object.entries(snap.usergroups)) ws.usergroups.set(id, members);
  ws.messages.length = 0;
  for (const { channel, ts, threadTs, user, postedWith, at, ...content } of snap.messages) {
    ws.messages.push({
      channel,
      ts,
      threadTs,
      user,
      postedWith,
      deleted: false,
      versions: [{ ...content, at: new Date(at) }],
    });
  }
  ws.pins.length = 0;
  for (const p of snap.pins) ws.pins.push({ ...p, at: new Date(p.at) });
  ws.files.clear();
  for (const f of snap.files) {
    ws.files.set(f.id, {
      ...f,
      bytes: f.bytes === undefined ? undefined : Buffer.from(f.bytes, 'base64'),
      channel: f.channel,
      initialComment: f.initialComment,
      threadTs: f.threadTs,
      completed: true,
    });
  }
}
