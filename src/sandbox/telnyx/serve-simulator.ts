import { serveOverHttp } from '../kit/serve-over-http.js';
import type { TelnyxSimulator } from './simulator.js';
import { answerTelnyx } from './simulator-fetch.js';

export interface ServedSimulator {
  /** `http://127.0.0.1:PORT/v2`, the base URL to give the Telnyx client. */
  url: string;
  /** Releases hanging requests, drops every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Serves the simulator over HTTP on 127.0.0.1 (port 0: any free port) for end-to-end tests and
 * benches. `close()` lets hanging requests go, so nothing keeps the process alive.
 */
export function serveSimulator(
  sim: TelnyxSimulator,
  options: { port?: number; host?: string } = {},
): Promise<ServedSimulator> {
  return serveOverHttp(
    { answer: answerTelnyx(sim), releaseHanging: () => sim.faults.releaseHanging(), basePath: '/v2' },
    options,
  );
}
