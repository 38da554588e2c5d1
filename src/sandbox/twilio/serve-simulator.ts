import { serveOverHttp } from '../kit/serve-over-http.js';
import type { TwilioSimulator } from './simulator.js';
import { answerTwilio } from './simulator-fetch.js';

export interface ServedTwilioSimulator {
  /**
   * `http://127.0.0.1:PORT`, the one origin for both hosts: give it to the client as
   * `TWILIO_API_URL` and the accounts v1 paths (`/v1/AuthTokens/…`) are served beside the
   * 2010-04-01 ones (`twilioBaseUrls` keeps a non-Twilio origin for both).
   */
  url: string;
  /** Releases hanging requests, drops every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Serves the simulator over HTTP on 127.0.0.1 (port 0: any free port) for end-to-end tests and
 * benches. `close()` lets hanging requests go, so nothing keeps the process alive.
 */
export function serveTwilioSimulator(
  sim: TwilioSimulator,
  options: { port?: number; host?: string } = {},
): Promise<ServedTwilioSimulator> {
  return serveOverHttp(
    { answer: answerTwilio(sim), releaseHanging: () => sim.faults.releaseHanging() },
    options,
  );
}
