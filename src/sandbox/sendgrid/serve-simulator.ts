import { serveOverHttp } from '../kit/serve-over-http.js';
import type { SendgridSimulator } from './simulator.js';
import { answerSendgrid } from './simulator-fetch.js';

export interface ServedSendgridSimulator {
  /** `http://127.0.0.1:PORT`, the base URL to give the SendGrid client (paths start with `/v3`). */
  url: string;
  /** Releases hanging requests, drops every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Serves the simulator over HTTP on 127.0.0.1 (port 0: any free port) for end-to-end tests and
 * benches. `close()` lets hanging requests go, so nothing keeps the process alive.
 */
export function serveSendgridSimulator(
  sim: SendgridSimulator,
  options: { port?: number; host?: string } = {},
): Promise<ServedSendgridSimulator> {
  return serveOverHttp(
    { answer: answerSendgrid(sim), releaseHanging: () => sim.faults.releaseHanging() },
    options,
  );
}
