// Restore on every Contain now card that offers it, and the Restore card it raises approved: what a team does before closing.
import { isContainStepKey } from '../../../src/domain/containment.js';
import type { AutomatedStepDefinition } from '../../../src/playbooks/types.js';
import { stateBadge } from '../../../src/slack/blocks/state-badges.js';
import { APPROVERS } from './bot-env.js';
import { cardTitled, stepCards } from './cards.js';
import { ALL_STEPS } from './playbook-steps.js';
import type { World } from './world.js';

const WAIT_MS = 60_000;
const DONE = stateBadge({ state: 'done', kind: 'automated' });

/** The Restore step's title of each Contain now card, by the Contain now card's title. */
const RESTORE_TITLE_OF = new Map(
  ALL_STEPS.filter((s): s is AutomatedStepDefinition => s.kind === 'automated' && isContainStepKey(s.id)).map(
    (s) => [s.title, s.restore?.title ?? ''],
  ),
);

/**
 * Presses Restore… on each Contain now card of `channel` that offers it, approves the Restore card
 * it raises (or marks it done when nothing is left to put back) and waits until that card is done.
 * Returns the Restore titles settled.
 */
export async function restoreContained(world: World, channel: string): Promise<string[]> {
  const { fs } = world;
  const approver = APPROVERS[2];
  const settled: string[] = [];
  for (const card of stepCards(fs, channel)) {
    const restore = card.buttons.find((b) => b.actionId === 'step.restore');
    const title = RESTORE_TITLE_OF.get(card.title);
    if (!restore || !title) continue;
    const pressed = await fs.click(approver, restore);
    if (pressed.status !== 200) throw new Error(`Restore on "${card.title}" answered ${pressed.status}`);
    const decide = await fs.waitFor(
      () =>
        cardTitled(fs, channel, title).buttons.find(
          (b) => b.actionId === 'step.approve' || b.actionId === 'step.done',
        ) ?? null,
      { timeoutMs: WAIT_MS, description: `the card "${title}" offers its decision` },
    );
    const decided = await fs.click(approver, decide);
    if (decided.status !== 200)
      throw new Error(`${decide.actionId} on "${title}" answered ${decided.status}`);
    await fs.waitFor(() => cardTitled(fs, channel, title).text.includes(DONE) || null, {
      timeoutMs: WAIT_MS,
      description: `the card "${title}" is done`,
    });
    settled.push(title);
  }
  return settled;
}
