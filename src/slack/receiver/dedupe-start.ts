// Bolt middleware: the same `/compromise start …` twice within 5 minutes opens one incident.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../util/logger.js';
import { parseCommand } from '../commands/parse-command.js';

export const START_DEDUPE_WINDOW_MS = 300_000;
const CAPACITY = 5_000;

interface CommandBody {
  command?: unknown;
  text?: unknown;
  user_id?: unknown;
  channel_id?: unknown;
  team_id?: unknown;
}

/** The incident a start asks for, by whom and where: equal keys are the same request. */
function startKey(body: CommandBody, now: Date): string | null {
  if (typeof body.command !== 'string' || typeof body.text !== 'string') return null;
  const parsed = parseCommand(body.text, now);
  if (parsed.kind !== 'start') return null;
  const { provider, label, since, rehearsal, sandbox } = parsed;
  const where = [body.team_id, body.user_id, body.channel_id, body.command].map(String);
  return JSON.stringify([...where, provider, label.toLowerCase(), since?.toISOString(), rehearsal, sandbox]);
}

/**
 * A `start` whose team, user, channel and parsed arguments equal one received in the last 5
 * minutes is answered with a sentence and goes no further (a replay, a double submit, a
 * redelivery). In memory, per process, at most 5,000 starts remembered: replicas keep their own.
 */
export function dedupeStart(options: { logger: Logger; now?: () => number }): Middleware<AnyMiddlewareArgs> {
  const now = options.now ?? Date.now;
  const firstAt = new Map<string, number>();
  return async (args) => {
    const at = now();
    const key = startKey(args.body as CommandBody, new Date(at));
    if (key === null) return args.next();
    const earlier = firstAt.get(key);
    if (earlier === undefined || at - earlier > START_DEDUPE_WINDOW_MS) {
      firstAt.delete(key);
      firstAt.set(key, at);
      for (const [k, t] of firstAt) {
        if (at - t <= START_DEDUPE_WINDOW_MS && firstAt.size <= CAPACITY) break;
        firstAt.delete(k);
      }
      return args.next();
    }
    const ago = Math.max(1, Math.round((at - earlier) / 1000));
    options.logger.info({ agoSec: ago }, 'a repeated /compromise start was answered, not run again');
    const { ack } = args as { ack?: (body: unknown) => Promise<void> };
    await ack?.({
      response_type: 'ephemeral',
      text: `You sent this same start ${ago} s ago, so Reclaim is not opening a second incident for it. To open another one, give it a different label.`,
    });
  };
}
