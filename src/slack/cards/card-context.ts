import type { Config } from '../../config/config.js';
import type { UseCaseDeps } from '../../incidents/deps.js';
import type { Logger } from '../../util/logger.js';
import type { ResolveActor } from '../gateway/approver-group.js';
import type { SlackGateway } from '../gateway/slack-gateway.js';
import type { AckTimer } from '../measure-acks.js';

/** What the Slack side needs from the engine. */
export interface SlackContext {
  /** Handed to every use case a listener calls; the Slack side itself reads only its clock. */
  deps: UseCaseDeps;
  gateway: SlackGateway;
  config: Pick<Config, 'mode' | 'responders'>;
  logger: Logger;
  /** The person behind a click or command, with their approver-group membership looked up in Slack. */
  actorOf: ResolveActor;
  /** Wakes the job worker after a use case queued work. */
  wakeWorker(): void;
  /** Records the time to ack (metrics); called right after each listener's ack. */
  acked: AckTimer;
  /** Runs what a listener does after its ack (see createAfterAckQueue). */
  afterAck<T>(work: () => Promise<T>): Promise<T>;
}
