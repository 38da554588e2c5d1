// What a fake Socket Mode server records and what a test can make it do.
import type { AckProblems, EnvelopeRecord, EnvelopeType } from './envelope-book.js';

export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

export interface SocketConnectionRecord {
  id: number;
  openedAt: number;
  closedAt?: number;
  /** How it ended: `closed` (a close handshake) or `dropped` (the fake cut the TCP connection). */
  end?: 'closed' | 'dropped';
}

export interface FakeSocketMode {
  readonly envelopes: EnvelopeRecord[];
  readonly connections: SocketConnectionRecord[];
  readonly problems: AckProblems;
  /** Answers `apps.connections.open` for this app-level token: a one-use `ws://127.0.0.1:<port>/link/?ticket=…`. */
  openConnection(token: string | undefined): { ok: boolean; url?: string; error?: string };
  /** Sends an envelope now (or on the next connection) and resolves with its record once acked or given up. */
  deliver(type: EnvelopeType, payload: Record<string, unknown>): Promise<EnvelopeRecord>;
  /** Slack's `disconnect` message on every open connection; `link_disabled` also refuses new ones until `enable()`. */
  disconnect(reason: DisconnectReason): void;
  /** Cuts every open connection without a close frame, as a network failure would. */
  dropSocket(): void;
  /** The next `n` acks are dropped as if lost on the way: Slack then delivers the envelope again. */
  loseNextAcks(n: number): void;
  enable(): void;
  /** Resolves once `count` connections (in all) have said hello. */
  waitForConnections(count: number, timeoutMs?: number): Promise<void>;
  isConnected(): boolean;
  close(): Promise<void>;
}
