// The Socket Mode client's log lines through our logger, less the debug lines that quote whole payloads.
import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../util/logger.js';
import { boltLogger } from '../bolt-logger.js';

/** Lines that print an envelope or an ack verbatim: a modal's typed API key would land in the log. */
const QUOTES_A_PAYLOAD = [
  /^Received a message on the WebSocket/,
  /^Sending a WebSocket message/,
  /^Calling ack\(\)/,
  /^ack\(\) (call begins|response sent)/,
  /^Unable to parse an incoming WebSocket message/,
];

export function socketModeLogger(logger: Logger): BoltLogger {
  const base = boltLogger(logger.child({ component: 'socket-mode' }));
  return {
    ...base,
    debug: (...msgs) => {
      const first = typeof msgs[0] === 'string' ? msgs[0] : '';
      if (!QUOTES_A_PAYLOAD.some((line) => line.test(first))) base.debug(...msgs);
    },
  };
}
