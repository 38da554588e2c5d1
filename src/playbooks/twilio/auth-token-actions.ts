import { ProviderError } from '../../providers/http/index.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { orGone, outcomeUnknown } from '../kit/step-kit.js';
import type { ActionOutcome } from '../types.js';
import { TWILIO_CONSOLE } from './manual-steps.js';
import { textParam } from './playbook-error.js';

const WHERE = `the Console (${TWILIO_CONSOLE}): Admin › Account management › API keys & tokens › Auth Tokens`;

/**
 * True while the token the client holds still authenticates; false once Twilio refuses it. Only a
 * 401 (20003) says the credentials were refused: a 403 is a permission the token lacks, which says
 * nothing about a rotation, so it is thrown, not read as "rotated".
 */
export async function currentTokenWorks(client: TwilioClient): Promise<boolean> {
  try {
    await client.accounts.fetch();
    return true;
  } catch (err) {
    if (err instanceof ProviderError && err.status === 401) return false;
    throw err;
  }
}

/**
 * Deletes any secondary token (the attacker may have made one), creates a fresh secondary, promotes
 * it, and switches the client to it. The token goes only into `secrets`. When the promotion's
 * outcome is unknown, the old token tells: refused means the promotion landed. With `recheck`, a
 * client that already switched tokens since the plan was drawn did this rotation (its token was
 * sealed then); a token that is refused means an earlier attempt rotated it and its answer was lost.
 */
export const rotateAuthToken: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
  const { client } = ctx;
  const discoveredAt = Date.parse(textParam(action, 'discoveredAt'));
  const switchedAt = client.authTokenChangedAt();
  if (recheck && switchedAt !== null && switchedAt >= discoveredAt) {
    return { result: { rotated: true, note: 'already rotated by this plan; its token was sealed then' } };
  }
  if (recheck && !(await currentTokenWorks(client))) {
    return {
      result: {
        rotated: true,
        token: `not recoverable: an earlier attempt promoted it and its answer was lost. Reveal or rotate it in ${WHERE}, then give it to Reclaim with /compromise connect twilio.`,
      },
    };
  }
  await orGone(() => client.authTokens.deleteSecondary());
  const secondary = await client.authTokens.createSecondary();
  let promoted: string | null = null;
  try {
    promoted = await client.authTokens.promote();
  } catch (err) {
    if (!outcomeUnknown(err) || (await currentTokenWorks(client))) throw err;
  }
  const token = promoted ?? secondary;
  client.useAuthToken(token);
  const outcome: ActionOutcome = {
    result: {
      rotated: true,
      reclaimUsesNewToken: true,
      nextStep: 'give the revealed token to your other integrations; Reclaim keeps it in its connection',
    },
    secrets: [{ label: `New Twilio Auth Token for ${client.accountSid}`, value: token }],
    rotatedCredential: { provider: 'twilio', accountSid: client.accountSid, authToken: token },
  };
  ctx.logger.info(
    { accountSid: client.accountSid },
    'Twilio Auth Token rotated; the client uses the new one',
  );
  return outcome;
};
