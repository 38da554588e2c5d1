import { loadCardPlaces } from '../../incidents/cards/load-card-places.js';
import { recordProgressCard, recordStepCard } from '../../incidents/cards/record-cards.js';
import type { IncidentNotifier } from '../../incidents/deps.js';
import { loadProgressView } from '../../incidents/views/load-progress-view.js';
import { loadStepView } from '../../incidents/views/load-step-view.js';
import { buildPlanFile } from '../blocks/build-plan-file.js';
import { buildPlanThread } from '../blocks/build-plan-thread.js';
import { buildProgressCard } from '../blocks/build-progress-card.js';
import { buildStepCard } from '../blocks/build-step-card.js';
import { buildWatchAlertMessage } from '../blocks/build-watch-alert-message.js';
import { SlackCallError } from '../gateway/slack-call-error.js';
import type { SlackContext } from './card-context.js';
import { Coalescer } from './coalescer.js';
import { postAnchor } from './post-anchor.js';
import { postPostureReports } from './post-posture-reports.js';

/** Plans longer than this are listed in full in the card's thread; the card shows the first lines. */
const THREAD_PLAN_OVER = 20;
const STEP_DELAY_MS = 150;
const PROGRESS_DELAY_MS = 1000;
/** Errors after which drawing into that channel is pointless. */
const CHANNEL_GONE = new Set(['channel_not_found', 'is_archived', 'not_in_channel']);

export interface CardDrawer extends IncidentNotifier {
  /** Redraws a step card now (after an accepted click, so its buttons go away at once). */
  drawStepNow(stepId: string): Promise<void>;
  drawProgressNow(incidentId: string): Promise<void>;
  /** Posts and pins the progress card and posts every step card not posted yet (start, resume). */
  ensureIncidentCards(incidentId: string): Promise<void>;
  idle(): Promise<void>;
  stop(): void;
}

/**
 * What a step card shows: its row's version and how far its planned actions have got, so a card
 * is redrawn as actions finish during execution (they change plan_actions, not the step row).
 */
function drawnKey(view: { step: { version: number }; actions: readonly { state: string }[] }): string {
  const counts: Record<string, number> = {};
  for (const action of view.actions) counts[action.state] = (counts[action.state] ?? 0) + 1;
  return `${view.step.version}:${Object.entries(counts)
    .map(([state, n]) => `${state}=${n}`)
    .sort()
    .join(',')}`;
}

export function createCardDrawer(ctx: SlackContext): CardDrawer {
  const drawn = new Map<string, string>(); // step id → what the card on Slack shows (drawnKey)
  const threads = new Set<string>(); // step id:digest whose full plan is in the thread
  const gone = new Set<string>(); // channels we can no longer write to
  const coalescer = new Coalescer((key, err) => {
    if (err instanceof SlackCallError) {
      ctx.logger.warn({ key, code: err.slackError, method: err.method }, 'card not drawn');
    } else {
      ctx.logger.error({ key, err: (err as Error).message }, 'card not drawn');
    }
  });

  const guard = async (channel: string, fn: () => Promise<void>) => {
    if (gone.has(channel)) return;
    try {
      await fn();
    } catch (err) {
      if (err instanceof SlackCallError && CHANNEL_GONE.has(err.slackError)) {
        gone.add(channel);
        ctx.logger.warn(
          { channel, code: err.slackError },
          'the incident channel is gone; its cards are no longer drawn',
        );
        return;
      }
      throw err;
    }
  };

  const stepView = (stepId: string) =>
    loadStepView(ctx.deps, stepId, { now: ctx.deps.now(), realAccountWarnings: ctx.config.mode === 'local' });
  const progressView = (incidentId: string, delayedBySlack: boolean) =>
    loadProgressView(ctx.deps, incidentId, { now: ctx.deps.now(), delayedBySlack });

  const drawStep = async (stepId: string) => {
    const view = await stepView(stepId);
    const { step, incident } = view;
    const key = drawnKey(view);
    if (!step.messageTs || !incident.channelId || drawn.get(stepId) === key) return;
    const channel = incident.channelId;
    await guard(channel, async () => {
      await ctx.gateway.update(channel, step.messageTs!, buildStepCard(view));
      drawn.set(stepId, key);
      const threadKey = `${stepId}:${step.planDigest}`;
      if (
        view.actions.length > THREAD_PLAN_OVER &&
        step.state === 'awaiting_approval' &&
        !threads.has(threadKey)
      ) {
        threads.add(threadKey);
        for (const message of buildPlanThread(view.actions))
          await ctx.gateway.post(channel, message, step.messageTs!);
        const file = buildPlanFile(view.actions, view.definition.title);
        if (file) await ctx.gateway.uploadFile(channel, file);
      }
    });
  };

  const drawProgress = async (incidentId: string) => {
    const view = await progressView(incidentId, ctx.gateway.isRateLimited());
    const { channelId, progressTs } = view.incident;
    if (!channelId || !progressTs) return;
    await guard(channelId, () => ctx.gateway.update(channelId, progressTs, buildProgressCard(view)));
  };

  const ensure = async (incidentId: string) => {
    const { incident, steps } = await loadCardPlaces(ctx.deps, incidentId);
    const channel = incident.channelId;
    if (!channel) return;
    await guard(channel, async () => {
      if (!incident.progressTs) {
        const view = await progressView(incidentId, false);
        const { ts } = await ctx.gateway.post(channel, buildProgressCard(view));
        await recordProgressCard(ctx.deps, incidentId, ts);
        await ctx.gateway.pin(channel, ts);
      }
      for (const step of steps) {
        if (step.messageTs) continue;
        const view = await stepView(step.id);
        const { ts } = await ctx.gateway.post(channel, buildStepCard(view));
        const now = await recordStepCard(ctx.deps, step.id, ts);
        drawn.set(step.id, drawnKey(view));
        // A change that landed while the card was being posted is drawn now.
        if (now.version !== view.step.version) stepChanged(step.id, incidentId);
      }
    });
  };

  function stepChanged(stepId: string, incidentId: string): void {
    coalescer.request(`step:${stepId}`, STEP_DELAY_MS, () => drawStep(stepId));
    coalescer.request(`progress:${incidentId}`, PROGRESS_DELAY_MS, () => drawProgress(incidentId));
  }

  /** A watch alert: its card first (posted by ensure), then the message that calls the approvers. */
  const alertApprovers = async (incidentId: string, stepId: string) => {
    // Under the ensure key: two posts of the same new card would leave one of them dead.
    await coalescer.now(`ensure:${incidentId}`, () => ensure(incidentId));
    const view = await stepView(stepId);
    const channel = view.incident.channelId;
    if (!channel) return;
    await guard(channel, async () => {
      await ctx.gateway.post(channel, buildWatchAlertMessage(view, ctx.deps.approvers));
    });
  };

  return {
    stepChanged,
    watchAlerted: (incidentId, stepId) =>
      coalescer.request(`alert:${stepId}`, 0, () => alertApprovers(incidentId, stepId)),
    auditAnchored: (incidentId, anchor) => void postAnchor(ctx, incidentId, anchor),
    postureChecked: (channel, reports) => postPostureReports(ctx, channel, reports),
    incidentChanged(incidentId) {
      coalescer.request(`ensure:${incidentId}`, 0, () => ensure(incidentId));
      coalescer.request(`progress:${incidentId}`, PROGRESS_DELAY_MS, () => drawProgress(incidentId));
    },
    drawStepNow: (stepId) => {
      drawn.delete(stepId); // drawn even if the step row did not change (e.g. a credential revealed)
      return coalescer.now(`step:${stepId}`, () => drawStep(stepId));
    },
    drawProgressNow: (incidentId) => coalescer.now(`progress:${incidentId}`, () => drawProgress(incidentId)),
    ensureIncidentCards: (incidentId) => coalescer.now(`ensure:${incidentId}`, () => ensure(incidentId)),
    idle: () => coalescer.idle(),
    stop: () => coalescer.cancel(),
  };
}
