/** playbooks/twilio: the Twilio playbook, Twilio's recovery checklist as ordered steps. */
import type { TwilioClient } from '../../providers/twilio/index.js';
import { sayingTheWindow } from '../kit/incident-window.js';
import type { Playbook, StepDefinition } from '../types.js';
import { createAddUsageTriggerStep, type UsageTriggerOptions } from './add-usage-trigger.js';
import { closeGeoPermissionsStep } from './close-geo-permissions.js';
import { containNowStep } from './contain-now.js';
import { deleteCallerIdsStep } from './delete-caller-ids.js';
import {
  changeConsolePasswordStep,
  enableTwoFactorStep,
  reviewConsoleUsersStep,
  reviewPaymentMethodsStep,
} from './manual-steps.js';
import { removeRogueSipTrunksStep } from './remove-rogue-sip-trunks.js';
import { removeSipDomainMappingsStep } from './remove-sip-domain-mappings.js';
import { removeUnknownSipIpsStep } from './remove-unknown-sip-ips.js';
import { resetMessagingServiceUrlsStep } from './reset-messaging-service-urls.js';
import { resetNumberWebhooksStep } from './reset-number-webhooks.js';
import { resetSipDomainUrlsStep } from './reset-sip-domain-urls.js';
import { resetTwimlAppUrlsStep } from './reset-twiml-app-urls.js';
import { reviewAccountSettingsStep } from './review-account-settings.js';
import { revokeApiKeysStep } from './revoke-api-keys.js';
import { rotateAuthTokenStep } from './rotate-auth-token.js';
import { rotateSipCredentialsStep } from './rotate-sip-credentials.js';
import { rotateSubaccountTokensStep } from './rotate-subaccount-tokens.js';
import { suspendSubaccountsStep } from './suspend-subaccounts.js';

/**
 * Contain now first (the reversible emergency stops, ahead of every card), then Twilio's guidance
 * after a takeover (the forced-password-reset checklist), in the order a responder should work: lock the door (password, 2FA), take back the API credentials (Auth Token,
 * API keys) and the people (Console users), shut what the attacker built (subaccounts, SIP
 * credentials and addresses, SIP domains and trunks, webhooks on numbers, apps and Messaging
 * Services, open high-risk countries), then the money (spend alert, payment methods) and the
 * settings no API reaches.
 */
export function createTwilioSteps(
  options: { usageTrigger?: UsageTriggerOptions } = {},
): StepDefinition<TwilioClient>[] {
  return [
    containNowStep,
    changeConsolePasswordStep,
    enableTwoFactorStep,
    rotateAuthTokenStep,
    revokeApiKeysStep,
    reviewConsoleUsersStep,
    suspendSubaccountsStep,
    rotateSubaccountTokensStep,
    rotateSipCredentialsStep,
    removeUnknownSipIpsStep,
    removeSipDomainMappingsStep,
    resetSipDomainUrlsStep,
    removeRogueSipTrunksStep,
    resetNumberWebhooksStep,
    resetTwimlAppUrlsStep,
    resetMessagingServiceUrlsStep,
    closeGeoPermissionsStep,
    deleteCallerIdsStep,
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
export { CLOSE_GEO_PERMISSIONS } from './close-geo-permissions.js';
export { CONTAIN_NOW, containNowStep } from './contain-now.js';
export { DELETE_CALLER_IDS } from './delete-caller-ids.js';
export { generateTwilioSipPassword, TWILIO_SIP_PASSWORD_LENGTH } from './generate-sip-password.js';
export { TWILIO_CONSOLE, TWILIO_FORCED_RESET_FAQ } from './manual-steps.js';
export { TwilioPlaybookError } from './playbook-error.js';
export { REMOVE_ROGUE_SIP_TRUNKS, sipUriHost } from './remove-rogue-sip-trunks.js';
export { REMOVE_SIP_DOMAIN_MAPPINGS } from './remove-sip-domain-mappings.js';
export { REMOVE_UNKNOWN_SIP_IPS, rangeIsTrusted } from './remove-unknown-sip-ips.js';
export { RESET_MESSAGING_SERVICE_URLS } from './reset-messaging-service-urls.js';
export { RESET_NUMBER_WEBHOOKS } from './reset-number-webhooks.js';
export { RESET_SIP_DOMAIN_URLS } from './reset-sip-domain-urls.js';
export { RESET_TWIML_APP_URLS } from './reset-twiml-app-urls.js';
export { RESTORE_CONTAINED, restoreContainedStep } from './restore-contained.js';
export { REVIEW_ACCOUNT_SETTINGS } from './review-account-settings.js';
export { REPLACEMENT_KEY_PREFIX, REVOKE_API_KEYS, replacementKeyName } from './revoke-api-keys.js';
export { ROTATE_AUTH_TOKEN } from './rotate-auth-token.js';
export { ROTATE_SIP_CREDENTIALS } from './rotate-sip-credentials.js';
export { ROTATE_SUBACCOUNT_TOKENS } from './rotate-subaccount-tokens.js';
export { SUSPEND_SUBACCOUNTS } from './suspend-subaccounts.js';
