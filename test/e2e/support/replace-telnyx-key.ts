import { NEW_KEY_MODAL_CALLBACK_ID } from '../../../src/slack/blocks/build-new-key-modal.js';
import { APPROVERS } from './bot-env.js';
import { cardTitled } from './cards.js';
import { clickOn, titleOf, WAIT_MS } from './drive-incident.js';
import type { World } from './world.js';

export const REPLACE_KEYS = 'telnyx.replace-api-keys';

/**
 * "Give Reclaim the new key" on the card titled `title` as `user` (an approver): clicks the button,
 * waits for the modal and submits `key`. Resolves with what the person saw after submitting (the
 * answer's body and the modal as it became).
 */
export async function giveNewKey(
  world: World,
  channel: string,
  key: string,
  user: string = APPROVERS[0],
  title = titleOf(REPLACE_KEYS),
): Promise<{ status: number; shown: string }> {
  const before = world.fs.views.length;
  await clickOn(world, channel, title, 'step.give_key', user);
  const view = await world.fs.waitFor(() => world.fs.views[before], {
    timeoutMs: WAIT_MS,
    description: 'the new-key modal opens',
  });
  if (view.view.callback_id !== NEW_KEY_MODAL_CALLBACK_ID) throw new Error('another modal opened');
  const submitted = await world.fs.submitView(user, view.id, {
    api_key: { api_key: { type: 'plain_text_input', value: key } },
  });
  return {
    status: submitted.status,
    shown: `${JSON.stringify(submitted.body)} ${JSON.stringify(world.fs.views[before]?.view)}`,
  };
}

/**
 * What a person does for the API-key card in the portal and in Slack: creates a new key on the
 * simulated account, gives it to Reclaim, waits for the card to name it, then deletes the old one.
 */
export async function replaceTelnyxKey(world: World, channel: string, newKey: string): Promise<void> {
  const old = world.sim.apiKeys().filter((k) => k !== newKey);
  world.sim.addApiKey(newKey);
  const given = await giveNewKey(world, channel, newKey);
  const hint = `…${newKey.slice(-4)}`;
  if (given.status !== 200 || !(given.shown.includes(hint) || given.shown.includes('Still checking'))) {
    throw new Error(`the new key was not taken (HTTP ${given.status}): ${given.shown}`);
  }
  await world.fs.waitFor(() => cardTitled(world.fs, channel, titleOf(REPLACE_KEYS)).text.includes(hint), {
    timeoutMs: WAIT_MS,
    description: 'the API-key card names the new key',
  });
  for (const key of old) world.sim.deleteApiKey(key);
}
