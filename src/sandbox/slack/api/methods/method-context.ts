import type { SlackArgs, SlackResult } from '../../model/types.js';
import type { Workspace } from '../../model/workspace.js';
import type { TriggerBook } from '../interaction-tokens.js';

/** What a Web API method sees besides its arguments. */
export interface MethodContext {
  ws: Workspace;
  /** A fingerprint of the call's bearer token (already checked); messages remember it for chat.update. */
  token: string;
  triggers: TriggerBook;
  /** The URL files.getUploadURLExternal hands out for a file id. */
  uploadUrl: (fileId: string) => string;
}

/** A Web API method: returns the fields of `{ ok: true, … }` or throws SlackApiError. */
export type MethodHandler = (ctx: MethodContext, args: SlackArgs) => SlackResult;

export type MethodTable = Readonly<Record<string, MethodHandler>>;
