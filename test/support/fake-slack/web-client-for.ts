import { LogLevel, WebAPIPlatformError, WebClient } from '@slack/web-api';
import type { FakeSlack } from './start-fake-slack.js';

/** The real @slack/web-api client pointed at a fake, built the way the bot builds it (one retry layer: none here). */
export function webClientFor(fs: FakeSlack, token = 'xoxb-test-token'): WebClient {
  return new WebClient(token, {
    slackApiUrl: fs.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

/** The Slack error code a call failed with (`name_taken`, …); fails when the call succeeded. */
export async function slackErrorOf(
  call: Promise<unknown>,
): Promise<{ error: string } & Record<string, unknown>> {
  try {
    await call;
  } catch (err) {
    if (err instanceof WebAPIPlatformError)
      return err.data as unknown as { error: string } & Record<string, unknown>;
    throw err;
  }
  throw new Error('expected the Slack call to fail, but it succeeded');
}
