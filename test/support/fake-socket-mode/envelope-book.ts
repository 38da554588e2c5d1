// The fake Socket Mode's envelopes: each one's deliveries, its acks, and what was late, stray or refused.
import { randomUUID } from 'node:crypto';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** Milliseconds since the epoch, with sub-millisecond precision (ack latencies are a few ms). */
export const clock = (): number => performance.timeOrigin + performance.now();

/** How long Slack waits for an envelope's ack. */
export const ACK_DEADLINE_MS = 3_000;
/** Deliveries after the first, for an envelope whose ack never came. */
export const MAX_RETRIES = 3;

export interface EnvelopeDelivery {
  attempt: number;
  connection: number;
  at: number;
  /** '' on the first delivery; `timeout` (no ack in 3 s) or `connection_lost` on a redelivery. */
  reason: string;
}

export interface EnvelopeAck {
  at: number;
  payload: Record<string, unknown>;
  /** Milliseconds from the latest delivery to this ack. */
  afterMs: number;
  /** The fake dropped it on purpose (`loseNextAcks`), as if it never arrived. */
  lost: boolean;
}

export interface EnvelopeRecord {
  envelopeId: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  acceptsResponsePayload: boolean;
  deliveries: EnvelopeDelivery[];
  acks: EnvelopeAck[];
  /** Resolves with the payload of the first ack that arrived (not lost), or null once retries ran out. */
  acked: Promise<Record<string, unknown> | null>;
  settle(payload: Record<string, unknown> | null): void;
  timer?: NodeJS.Timeout;
  done: boolean;
}

/** Slash commands and view submissions may carry an answer in their ack; block actions and events may not. */
export function acceptsResponsePayload(type: EnvelopeType, payload: Record<string, unknown>): boolean {
  if (type === 'slash_commands') return true;
  return type === 'interactive' && ['view_submission', 'block_suggestion'].includes(String(payload.type));
}

export function newEnvelope(type: EnvelopeType, payload: Record<string, unknown>): EnvelopeRecord {
  let settle: (payload: Record<string, unknown> | null) => void = () => undefined;
  const acked = new Promise<Record<string, unknown> | null>((resolve) => (settle = resolve));
  const record: EnvelopeRecord = {
    envelopeId: randomUUID(),
    type,
    payload,
    acceptsResponsePayload: acceptsResponsePayload(type, payload),
    deliveries: [],
    acks: [],
    acked,
    done: false,
    settle: (value) => {
      record.done = true;
      clearTimeout(record.timer);
      settle(value);
    },
  };
  return record;
}

/** The message written to the socket for one delivery, as Slack writes it. */
export function envelopeMessage(record: EnvelopeRecord, delivery: EnvelopeDelivery): string {
  return JSON.stringify({
    envelope_id: record.envelopeId,
    type: record.type,
    payload: record.payload,
    accepts_response_payload: record.acceptsResponsePayload,
    ...(record.type === 'events_api'
      ? { retry_attempt: delivery.attempt, retry_reason: delivery.reason }
      : {}),
  });
}

export interface AckProblems {
  /** Envelope ids whose ack did not come within 3 s of a delivery. */
  late: string[];
  /** Acks naming no envelope this fake sent. */
  stray: string[];
  /** Envelope ids acked with a payload although their type accepts none. */
  unaccepted: string[];
}
