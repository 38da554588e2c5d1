// Bolt's Socket Mode receiver, pointed at SLACK_API_URL, with redeliveries handled once and the link's health.
import { type App, type Receiver, type ReceiverEvent, SocketModeReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Logger } from '../../util/logger.js';
import { createEnvelopeOnce } from './envelope-once.js';
import { socketModeLogger } from './socket-logger.js';

/** Down longer than this (a refresh reconnects in about 5 s) and /healthz says so. */
export const DEFAULT_RECONNECT_BUDGET_MS = 30_000;
/** stop() does not wait for a Slack that never completes the close handshake. */
const STOP_WAIT_MS = 2_000;

export interface SocketConnection {
  isConnected(): boolean;
  /** Connected, or down for no longer than the reconnect budget. */
  isHealthy(): boolean;
}

export interface SocketModeReceiverOptions {
  appToken: string;
  logger: Logger;
  /** The Web API client's options: `apps.connections.open` goes where every other call goes. */
  clientOptions: WebClientOptions;
  reconnectBudgetMs?: number;
  now?: () => number;
}

/**
 * A Receiver over Bolt's SocketModeReceiver (which reconnects on `disconnect` and on a dropped
 * socket). Bolt's receiver is handed a stand-in app that passes each envelope through
 * `createEnvelopeOnce` before the real app processes it.
 */
export function createSocketModeReceiver(options: SocketModeReceiverOptions): {
  receiver: Receiver;
  socket: SocketConnection;
} {
  const now = options.now ?? Date.now;
  const budget = options.reconnectBudgetMs ?? DEFAULT_RECONNECT_BUDGET_MS;
  const inner = new SocketModeReceiver({
    appToken: options.appToken,
    logger: socketModeLogger(options.logger),
    installerOptions: { clientOptions: options.clientOptions },
    customPropertiesExtractor: (args: { envelope_id?: unknown }) => ({ envelopeId: args.envelope_id }),
  });
  const once = createEnvelopeOnce({ logger: options.logger.child({ component: 'socket-mode' }), now });
  let connected = false;
  let downSince = now();
  inner.client.on('connected', () => {
    connected = true;
  });
  for (const down of ['close', 'disconnected', 'reconnecting'] as const) {
    inner.client.on(down, () => {
      if (!connected) return;
      connected = false;
      downSince = now();
      options.logger.warn({ event: down }, 'the Socket Mode connection to Slack is down; reconnecting');
    });
  }
  const receiver: Receiver = {
    init(app: App) {
      const door = { processEvent: (event: ReceiverEvent) => once.handle(event, (e) => app.processEvent(e)) };
      inner.init(door as unknown as App);
    },
    start: () => inner.start(),
    async stop() {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        inner.client.disconnect(),
        new Promise((r) => (timer = setTimeout(r, STOP_WAIT_MS))),
      ]);
      clearTimeout(timer);
    },
  };
  return {
    receiver,
    socket: {
      isConnected: () => connected,
      isHealthy: () => connected || now() - downSince <= budget,
    },
  };
}
