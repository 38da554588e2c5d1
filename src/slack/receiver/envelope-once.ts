// Socket Mode: an envelope Slack delivers again (its ack lost, the socket dropped) is acked again, never handled twice.
import type { ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../util/logger.js';

interface Handled {
  at: number;
  /** Resolves with what the first delivery was acked with. */
  acked: Promise<unknown>;
  ackWith(body: unknown): void;
}

export interface EnvelopeOnce {
  handle(event: ReceiverEvent, process: (event: ReceiverEvent) => Promise<void>): Promise<void>;
}

/** How long a redelivery waits for the first delivery's ack before acking empty. */
const WAIT_FOR_FIRST_ACK_MS = 2_500;

/** Every identity of a delivery: the envelope id, and the event id or trigger id inside it. */
function identities(event: ReceiverEvent): string[] {
  const keys: string[] = [];
  const envelopeId = event.customProperties?.envelopeId;
  if (typeof envelopeId === 'string') keys.push(`envelope:${envelopeId}`);
  const body = event.body as { event_id?: unknown; trigger_id?: unknown };
  if (typeof body.event_id === 'string') keys.push(`event:${body.event_id}`);
  if (typeof body.trigger_id === 'string') keys.push(`trigger:${body.trigger_id}`);
  return keys;
}

/**
 * Remembers each delivery (15 minutes, at most 5,000) by its envelope id and by the event id or
 * trigger id it carries. A delivery seen before is acknowledged with the first one's ack payload
 * (or empty, if that has not come within 2.5 s) and goes no further. Per process.
 */
export function createEnvelopeOnce(options: { logger: Logger; now?: () => number }): EnvelopeOnce {
  const now = options.now ?? Date.now;
  const seen = new Map<string, Handled>();
  const forgetOld = (at: number) => {
    for (const [key, entry] of seen) {
      if (at - entry.at <= 15 * 60_000 && seen.size <= 5_000) break;
      seen.delete(key);
    }
  };
  return {
    async handle(event, process) {
      const keys = identities(event);
      const first = keys.map((k) => seen.get(k)).find((e) => e !== undefined);
      if (first) {
        options.logger.info(
          { retryNum: event.retryNum, retryReason: event.retryReason },
          'a Slack envelope delivered again was acknowledged again, not handled twice',
        );
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise((resolve) => (timer = setTimeout(resolve, WAIT_FOR_FIRST_ACK_MS)));
        const body = await Promise.race([first.acked, late]);
        clearTimeout(timer);
        await event.ack(body);
        return;
      }
      let ackWith: (body: unknown) => void = () => undefined;
      const acked = new Promise<unknown>((resolve) => (ackWith = resolve));
      const entry: Handled = { at: now(), acked, ackWith };
      for (const key of keys) seen.set(key, entry);
      forgetOld(entry.at);
      const ack = event.ack;
      await process({
        ...event,
        ack: async (body?: unknown) => {
          entry.ackWith(body);
          await ack(body);
        },
      });
    },
  };
}
