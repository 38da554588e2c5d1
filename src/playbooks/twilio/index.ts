/** playbooks/twilio: the Twilio playbook, Twilio's recovery checklist as ordered steps. */
import type { TwilioClient } from '../../providers/twilio/index.js';
import { sayingTheWindow } from '../kit/incident-window.js';
import type { Playbook, StepDefinition } from '../types.js';
import { createAddUsageTriggerStep, type UsageTriggerOptions } from './add-usage-trigger.js';
import {
  changeConsolePasswordStep,
  enableTwoFactorStep,
  reviewAccountSettingsStep,
  reviewConsoleUsersStep,
  reviewPaymentMethodsStep,
} from './manual-steps.js';
import { removeUnknownSipIpsStep } from './remove-unknown-sip-ips.js';
import { resetNumberWebhooksStep } from './reset-number-webhooks.js';
import { resetTwimlAppUrlsStep } from './reset-twiml-app-urls.js';
import { revokeApiKeysStep } from './revoke-api-keys.js';
import { rotateAuthTokenStep } from './rotate-auth-token.js';
import { rotateSipCredentialsStep } from './rotate-sip-credentials.js';
import { suspendSubaccountsStep } from './suspend-subaccounts.js';

/**
 * Twilio's guidance after a takeover (the forced-password-reset checklist), in the order a
 * responder should work: lock the door (password, 2FA), take back the API credentials (Auth Token,
 * API keys) and the people (Console users), shut what the attacker built (subaccounts, SIP
 * credentials and addresses, webhooks on numbers and apps), then the money (spend alert, payment
 * methods) and the settings no API reaches.
 */
export function createTwilioSteps(
  options: { usageTrigger?: UsageTriggerOptions } = {},
): StepDefinition<TwilioClient>[] {
  return [
    changeConsolePasswordStep,
    enableTwoFactorStep,
    rotateAuthTokenStep,
    revokeApiKeysStep,
    reviewConsoleUsersStep,
    suspendSubaccountsStep,
    rotateSipCredentialsStep,
    removeUnknownSipIpsStep,
    resetNumberWebhooksStep,
    resetTwimlAppUrlsStep,
    createAddUsageTriggerStep(options.usageTrigger),
    reviewPaymentMethodsStep,
    reviewAccountSettingsStep,
  ].map(sayingTheWindow);
}

export const TWILIO_STEPS: StepDefinition<TwilioClient>[] = createTwilioSteps();

export const twilioPlaybook: Playbook<TwilioClient> = { provider: 'twilio', steps: TWILIO_STEPS };

export {
  ADD_USAGE_TRIGGER,
  createAddUsageTriggerStep,
  USAGE_TRIGGER_FLOOR,
  USAGE_TRIGGER_NAME,
  USAGE_TRIGGER_PATH,
  type UsageTriggerOptions,
} from './add-usage-trigger.js';
export { generateTwilioSipPassword, TWILIO_SIP_PASSWORD_LENGTH } from './generate-sip-password.js';
export { TWILIO_CONSOLE, TWILIO_FORCED_RESET_FAQ } from './manual-steps.js';
export { TwilioPlaybookError } from './playbook-error.js';
export { REMOVE_UNKNOWN_SIP_IPS, rangeIsTrusted } from './remove-unknown-sip-ips.js';
export { RESET_NUMBER_WEBHOOKS } from './reset-number-webhooks.js';
export { RESET_TWIML_APP_URLS } from './reset-twiml-app-urls.js';
export { REPLACEMENT_KEY_PREFIX, REVOKE_API_KEYS, replacementKeyName } from './revoke-api-keys.js';
export { ROTATE_AUTH_TOKEN } from './rotate-auth-token.js';
export { ROTATE_SIP_CREDENTIALS } from './rotate-sip-credentials.js';
export { SUSPEND_SUBACCOUNTS } from './suspend-subaccounts.js';
