import type { SimResponse } from '../telnyx/sim-http.js';

/** One request as a transport (in-process fetch or HTTP) hands it on, before a simulator reads it. */
export interface TransportRequest {
  method: string;
  /** The whole URL: a simulator takes its path and query from it. */
  url: URL;
  headers: Headers | Record<string, string>;
  /** Aborts when the caller gives up (fetch's signal, or an HTTP connection that closed early). */
  signal: AbortSignal | undefined;
  /** The body as text, `''` when there is none; read it once at most. */
  text(): Promise<string>;
}

/** How a simulator answers a transport's request: the same for fetch and for HTTP. */
export type AnswerRequest = (req: TransportRequest) => Promise<SimResponse> | SimResponse;
