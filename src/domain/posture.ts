/** A posture check: what every automated step's discovery sees on one account, with no incident. */
import type { Finding } from './types.js';

export interface PostureStep {
  stepKey: string;
  title: string;
  /** What looks risky now; empty when the step found nothing. */
  risky: Finding[];
  /** Changes the step would plan in an incident. */
  planned: number;
  /** Set when the step could not read the account. */
  error?: string;
}

export interface PostureReport {
  label: string;
  rehearsal: boolean;
  checkedAt: Date;
  steps: PostureStep[];
}
