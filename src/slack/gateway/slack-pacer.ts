import Bottleneck from 'bottleneck';

/**
 * Slack's published tiers (calls per minute per method per workspace; docs.slack.dev rate limits):
 * Tier 2 = 20, Tier 3 = 50, Tier 4 = 100; chat.postMessage ≈ 1 per second per channel.
 * The pacer spaces our calls under them so a busy incident does not collect 429s; the WebClient's
 * own retry (honouring Retry-After) is the only layer that retries a 429 that still happens.
 */
export const METHOD_TIERS: Record<string, number> = {
  'conversations.create': 20,
  'conversations.setTopic': 20,
  'pins.add': 20,
  'usergroups.users.list': 20,
  'conversations.invite': 50,
  'chat.update': 50,
  'chat.postEphemeral': 100,
  'views.open': 100,
  'files.getUploadURLExternal': 100,
  'files.completeUploadExternal': 100,
};

/** chat.postMessage: one a second per channel. */
export const POST_MESSAGE_PER_SECOND = 1;

export interface SlackPacer {
  /** Runs `fn` when `method` (per channel for chat.postMessage) may be called again. */
  schedule<T>(method: string, channel: string | undefined, fn: () => Promise<T>): Promise<T>;
  /** Calls waiting, by method (metrics, tests). */
  queued(): Record<string, number>;
  stop(): Promise<void>;
}

export interface PacerOptions {
  /** Multiplies every interval: 1 in production, smaller in tests against a fake with shrunk tiers. */
  timeScale?: number;
}

export function createSlackPacer(options: PacerOptions = {}): SlackPacer {
  const scale = options.timeScale ?? 1;
  const limiters = new Map<string, Bottleneck>();
  const limiterFor = (method: string, channel: string | undefined): { key: string; limiter: Bottleneck } => {
    const perMinute = METHOD_TIERS[method];
    const key = method === 'chat.postMessage' ? `${method}:${channel ?? ''}` : method;
    let limiter = limiters.get(key);
    if (!limiter) {
      const minTime = perMinute
        ? 60_000 / perMinute
        : method === 'chat.postMessage'
          ? 1000 / POST_MESSAGE_PER_SECOND
          : 0;
      // Calls of one kind go out one at a time, in order, so a card's updates never overtake each other.
      limiter = new Bottleneck({ maxConcurrent: 1, minTime: Math.ceil(minTime * scale) });
      limiters.set(key, limiter);
    }
    return { key, limiter };
  };
  return {
    schedule(method, channel, fn) {
      return limiterFor(method, channel).limiter.schedule(fn);
    },
    queued() {
      const out: Record<string, number> = {};
      for (const [key, limiter] of limiters) out[key] = limiter.counts().QUEUED;
      return out;
    },
    async stop() {
      await Promise.all(
        [...limiters.values()].map((l) => l.stop({ dropWaitingJobs: true }).catch(() => undefined)),
      );
    },
  };
}
