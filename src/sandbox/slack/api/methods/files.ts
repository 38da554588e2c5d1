import { SlackApiError } from '../../model/slack-api-error.js';
import type { StoredFile } from '../../model/types.js';
import { arrayArg, optionalString } from '../args.js';
import type { MethodTable } from './method-context.js';

function fileJson(file: StoredFile, user: string, created: number): Record<string, unknown> {
  return {
    id: file.id,
    name: file.filename,
    title: file.title,
    size: file.length,
    created,
    user,
    mimetype: file.filename.endsWith('.md') ? 'text/markdown' : 'application/octet-stream',
    channels: file.channel ? [file.channel] : [],
  };
}

/**
 * The two calls behind @slack/web-api's files.uploadV2: ask for an upload URL per file, POST the
 * bytes there (served by the HTTP layer), then complete the upload, which shares the files into
 * `channel_id` as one message whose text is `initial_comment`.
 */
export const fileMethods: MethodTable = {
  'files.getUploadURLExternal': ({ ws, uploadUrl }, args) => {
    const filename = optionalString(args, 'filename');
    const length = Number(optionalString(args, 'length'));
    if (filename === undefined || !Number.isInteger(length) || length < 0) {
      throw new SlackApiError('invalid_arguments');
    }
    const file: StoredFile = {
      id: ws.nextId('F'),
      filename,
      title: filename,
      length,
      bytes: undefined,
      channel: undefined,
      initialComment: undefined,
      threadTs: undefined,
      completed: false,
    };
    ws.files.set(file.id, file);
    return { upload_url: uploadUrl(file.id), file_id: file.id };
  },

  'files.completeUploadExternal': ({ ws, token }, args) => {
    const entries = arrayArg(args, 'files') as { id?: unknown; title?: unknown }[];
    if (entries.length === 0) throw new SlackApiError('invalid_arguments');
    const files = entries.map((entry) => {
      const file = typeof entry.id === 'string' ? ws.files.get(entry.id) : undefined;
      if (!file || file.bytes === undefined || file.completed) throw new SlackApiError('file_not_found');
      return { file, title: typeof entry.title === 'string' ? entry.title : file.filename };
    });
    const channelId = optionalString(args, 'channel_id');
    const channel = channelId === undefined ? undefined : ws.writableChannel(channelId);
    const initialComment = optionalString(args, 'initial_comment');
    const threadTs = optionalString(args, 'thread_ts');
    for (const { file, title } of files) {
      Object.assign(file, { title, completed: true, channel: channel?.id, initialComment, threadTs });
    }
    if (channel) {
      const shared = files.map(({ file }) => ({ id: file.id, title: file.title, name: file.filename }));
      ws.postMessage(
        channel.id,
        { text: initialComment ?? '', blocks: [], attachments: [], files: shared },
        { user: ws.botUserId, postedWith: token, threadTs },
      );
    }
    const created = Math.floor(ws.now() / 1000);
    return { files: files.map(({ file }) => fileJson(file, ws.botUserId, created)) };
  },
};
