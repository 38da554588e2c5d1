import type { StepState } from '../../../src/domain/types.js';
import type { StepDefinition } from '../../../src/playbooks/types.js';
import { stateBadge } from '../../../src/slack/blocks/state-badges.js';
import type { ChannelView, InteractionResult } from '../../support/fake-slack/index.js';
import { APPROVERS, REQUESTER } from './bot-env.js';
import { buttonOn, cardTitled, type StepCard, stepCards } from './cards.js';
import { ALL_STEPS, incidentKind, stepsOf } from './playbook-steps.js';
import { REPLACE_KEYS, replaceTelnyxKey } from './replace-telnyx-key.js';
import { restoreContained } from './restore-contained.js';
import type { World } from './world.js';

/** Every bounded wait of the end-to-end tests: generous, for a busy two-core CI box. */
export const WAIT_MS = 60_000;

/** The steps of a Telnyx incident (the default world's). */
export const STEPS: readonly StepDefinition[] = stepsOf(['telnyx']);

/** The definition of any provider's step `stepKey` (`twilio.rotate-auth-token`). */
export function definitionOf(stepKey: string): StepDefinition {
  const definition = ALL_STEPS.find((s) => s.id === stepKey);
  if (!definition) throw new Error(`no step ${stepKey}`);
  return definition;
}

export function titleOf(stepKey: string): string {
  return definitionOf(stepKey).title;
}

/** `YYYY-MM-DD` of `days` days before now (UTC). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export interface OpenedIncident {
  channel: ChannelView;
  answer: InteractionResult;
}

/**
 * `/compromise start …` from #general as the requester (by default a live incident covering every
 * provider of the world, looking back three days, before the seeded attackers got in); waits for
 * the incident channel, its pinned progress card and one card per step of `steps` (by default the
 * world's), then for every automated step to finish discovery.
 */
export async function openIncident(
  world: World,
  text = `start ${incidentKind(world.providers)} acme --since ${daysAgo(3)}`,
  steps: readonly StepDefinition[] = world.steps,
): Promise<OpenedIncident> {
  const { fs } = world;
  const answer = await fs.command(REQUESTER, '/compromise', text, { channelId: 'CGENERAL' });
  if (answer.status !== 200) throw new Error(`/compromise ${text} answered ${answer.status}`);
  const channel = await fs.waitFor(() => fs.channels.find((c) => c.name.startsWith('compromise-')), {
    timeoutMs: WAIT_MS,
    description: 'the incident channel is created',
  });
  await fs.waitFor(() => fs.pins(channel.id).length === 1, {
    timeoutMs: WAIT_MS,
    description: 'the progress card is pinned',
  });
  await fs.waitFor(() => stepCards(fs, channel.id).length === steps.length, {
    timeoutMs: WAIT_MS,
    description: `${steps.length} step cards are posted`,
  });
  await waitForDiscovery(world, channel.id, steps);
  return { channel, answer };
}

/** Waits until no automated step card of `steps` is pending or discovering any more. */
export async function waitForDiscovery(
  world: World,
  channel: string,
  steps: readonly StepDefinition[] = world.steps,
): Promise<StepCard[]> {
  const automated = steps.filter((s) => s.kind === 'automated').map((s) => s.title);
  const looking = [badge('pending', 'automated'), badge('discovering', 'automated')];
  return world.fs.waitFor(
    () => {
      const cards = stepCards(world.fs, channel).filter((c) => automated.includes(c.title));
      const busy = cards.filter((c) => looking.some((b) => c.text.includes(b)));
      return cards.length === automated.length && busy.length === 0 ? cards : null;
    },
    { timeoutMs: WAIT_MS, description: 'every automated step has finished discovery' },
  );
}

export function badge(state: StepState, kind: 'manual' | 'automated'): string {
  return stateBadge({ state, kind });
}

/** Waits until the card titled `title` shows `state` in its badges. */
export function waitForCardState(
  world: World,
  channel: string,
  title: string,
  state: StepState,
  kind: 'manual' | 'automated' = 'automated',
): Promise<StepCard> {
  return world.fs.waitFor(
    () => {
      const card = cardTitled(world.fs, channel, title);
      return card.text.includes(badge(state, kind)) ? card : null;
    },
    { timeoutMs: WAIT_MS, description: `the card "${title}" shows ${state}` },
  );
}

/**
 * Clicks the card's `actionId` button as `user` and waits for the bot's ack. The button is read
 * afresh from the card's latest version.
 */
export async function clickOn(
  world: World,
  channel: string,
  title: string,
  actionId: string,
  user: string,
): Promise<InteractionResult> {
  const button = await world.fs.waitFor(() => buttonOn(world.fs, channel, title, actionId), {
    timeoutMs: WAIT_MS,
    description: `the card "${title}" offers ${actionId}`,
  });
  const result = await world.fs.click(user, button);
  if (result.status !== 200)
    throw new Error(`${actionId} on "${title}" by ${user} answered ${result.status}`);
  return result;
}

/**
 * Approves the plan on the card as each of `users` in turn, waiting after each click until the
 * card names the approver, so every approval is a distinct, recorded decision.
 */
export async function approveAs(world: World, channel: string, title: string, users: readonly string[]) {
  for (const user of users) {
    await clickOn(world, channel, title, 'step.approve', user);
    await world.fs.waitFor(() => cardTitled(world.fs, channel, title).text.includes(`<@${user}>`), {
      timeoutMs: WAIT_MS,
      description: `the card "${title}" shows the approval of ${user}`,
    });
  }
}

/**
 * Settles every step of `steps` (by default the world's) the way its card asks: a plan is approved
 * by two approvers when the step is high-risk (`checkBetween` runs after the first of them) and by
 * one otherwise; a manual step, or an automated one that found nothing, is marked done. Then waits
 * until every card shows Done.
 */
export async function settleEveryStep(
  world: World,
  channel: string,
  checkBetween: (title: string) => void = () => undefined,
  steps: readonly StepDefinition[] = world.steps,
): Promise<void> {
  const [first, second, normal] = APPROVERS;
  for (const step of steps) {
    const card = cardTitled(world.fs, channel, step.title);
    const approve = card.buttons.some((b) => b.actionId === 'step.approve');
    if (approve && step.risk === 'high') {
      await approveAs(world, channel, step.title, [first]);
      checkBetween(step.title);
      await approveAs(world, channel, step.title, [second]);
    } else if (approve) {
      await approveAs(world, channel, step.title, [normal]);
    } else {
      // Mark done on the API-key card checks with Telnyx that the old keys are refused.
      if (step.id === REPLACE_KEYS && card.buttons.some((b) => b.actionId === 'step.give_key'))
        await replaceTelnyxKey(world, channel, 'KEY-e2e-new-telnyx-9d41');
      await clickOn(world, channel, step.title, 'step.done', step.kind === 'manual' ? REQUESTER : normal);
    }
  }
  for (const step of steps) await waitForCardState(world, channel, step.title, 'done', step.kind);
}

/**
 * `/compromise close` in the incident channel as the requester, after Restore has put back what
 * Contain now stopped (a close refuses while it is still held); resolves with the uploaded report's text.
 */
export async function closeIncident(world: World, channel: string): Promise<string> {
  const { fs } = world;
  await restoreContained(world, channel);
  const close = await fs.command(REQUESTER, '/compromise', 'close', { channelId: channel });
  if (close.status !== 200) throw new Error(`/compromise close answered ${close.status}`);
  const file = await fs.waitFor(() => fs.files.find((f) => f.completed && f.channel === channel), {
    timeoutMs: WAIT_MS,
    description: 'the report file is uploaded',
  });
  return file.bytes?.toString('utf8') ?? '';
}
