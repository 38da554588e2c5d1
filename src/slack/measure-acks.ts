import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';

const RECEIVED_AT = 'reclaimReceivedAt';

/**
 * Global middleware: notes when Bolt handed the request over, on the context the listener shares.
 * Listeners call `ackTimer` right after their ack, so `reclaim_slack_ack_seconds` measures to the ack.
 */
export function markReceived(): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    context[RECEIVED_AT] = process.hrtime.bigint();
    await next();
  };
}

export type AckTimer = (context: Context, kind: string) => void;

/** Where ack times go (`reclaim_slack_ack_seconds`); the composition root passes its metrics in. */
export interface AckMetrics {
  slackAck(seconds: number, kind: string): void;
}

export function ackTimer(metrics?: AckMetrics): AckTimer {
  return (context, kind) => {
    const at = context[RECEIVED_AT];
    if (metrics && typeof at === 'bigint') metrics.slackAck(Number(process.hrtime.bigint() - at) / 1e9, kind);
  };
}
