import { listingHas } from '../../providers/http/index.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { outcomeUnknown, removeUnlessGone } from '../kit/step-kit.js';
import type { ActionOutcome } from '../types.js';
import { generateTwilioSipPassword } from './generate-sip-password.js';
import { TWILIO_CONSOLE } from './manual-steps.js';
import { textParam } from './playbook-error.js';

const WHERE = `the Console (${TWILIO_CONSOLE}): Voice › Manage › Credential lists`;

/**
 * A new password in one POST; it goes only into `secrets`. Twilio never returns a SIP password,
 * so whether an earlier attempt landed is read from `date_updated`: changed since discovery means
 * it did, and that password was lost with its answer.
 */
export const rotateSipPassword: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
  const api = ctx.client.sipCredentials;
  const listSid = textParam(action, 'listSid');
  const listName = textParam(action, 'listName');
  const username = textParam(action, 'username');
  const atDiscovery = textParam(action, 'dateUpdated');
  const changed = async () => (await api.fetch(listSid, action.target)).date_updated !== atDiscovery;
  if (recheck && (await changed())) {
    return {
      result: {
        rotated: true,
        password: `not recoverable: an earlier attempt set it and its answer was lost. Set a new one in ${WHERE}.`,
      },
    };
  }
  const password = generateTwilioSipPassword();
  const outcome: ActionOutcome = {
    result: { rotated: true },
    secrets: [
      { label: `SIP credential “${username}” in list “${listName}”`, value: `${username} / ${password}` },
    ],
  };
  try {
    await api.updatePassword(listSid, action.target, password);
  } catch (err) {
    if (!outcomeUnknown(err) || !(await changed().catch(() => false))) throw err;
  }
  return outcome;
};

/** DELETE the credential; one already gone counts as deleted. */
export const deleteSipCredential: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
  const api = ctx.client.sipCredentials;
  const listSid = textParam(action, 'listSid');
  return removeUnlessGone(
    recheck,
    async () => listingHas(await api.list(listSid), action.target, (c) => c.sid),
    () => api.delete(listSid, action.target),
    { result: { deleted: true } },
  );
};
