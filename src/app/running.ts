/** What a started Reclaim hands back: where it listens and how to stop it. */
export interface Running {
  url: string;
  stop(): Promise<void>;
}
