import type { HttpRequest, HttpResponse, ProviderHttp } from '../../../../src/providers/http/types.js';
import type { TwilioConnect } from '../../../../src/providers/twilio/index.js';

export interface RecordedRequest {
  /** The base URL of the host the request went to. */
  host: string;
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string> | undefined;
  operation: string;
  parsed: unknown;
}

/**
 * A `TwilioConnect` whose two hosts record every request and answer from `respond`, parsed with
 * the request's own schema, so an answer that does not fit the schema fails the test.
 */
export function recordingConnect(respond: (host: string, req: HttpRequest<unknown>) => unknown): {
  connect: TwilioConnect;
  requests: RecordedRequest[];
  tokens: string[];
} {
  const requests: RecordedRequest[] = [];
  const tokens: string[] = [];
  const http = (host: string): ProviderHttp => ({
    provider: 'twilio',
    async request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
      const query: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.query ?? {}))
        if (value !== undefined) query[key] = String(value);
      const form = req.body && 'form' in req.body ? (req.body.form as Record<string, string>) : undefined;
      const data = req.schema.parse(respond(host, req as HttpRequest<unknown>));
      requests.push({
        host,
        method: req.method,
        path: req.path,
        query,
        form,
        operation: req.operation,
        parsed: data,
      });
      return { status: 200, data, headers: new Headers(), requestId: undefined };
    },
  });
  return {
    connect: ({ authToken }) => {
      tokens.push(authToken);
      return {
        api: http('https://api.twilio.com'),
        accounts: http('https://accounts.twilio.com'),
        iam: http('https://iam.twilio.com'),
        trunking: http('https://trunking.twilio.com'),
        voice: http('https://voice.twilio.com'),
        messaging: http('https://messaging.twilio.com'),
        monitor: http('https://monitor.twilio.com'),
      };
    },
    requests,
    tokens,
  };
}
