/** playbooks/telnyx: the Telnyx playbook, Telnyx's recovery checklist as ordered steps. */
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { sayingTheWindow } from '../kit/incident-window.js';
import type { Playbook, StepDefinition } from '../types.js';
import { containNowStep } from './contain-now.js';
import { deleteIntegrationSecretsStep } from './delete-integration-secrets.js';
import { disableForwardingStep } from './disable-forwarding.js';
import {
  changePortalPasswordStep,
  enable2faStep,
  replaceApiKeysStep,
  reviewUsageBillingStep,
} from './manual-steps.js';
import { regenerateMessagingSecretStep } from './regenerate-messaging-secret.js';
import { removeUnknownUsersStep } from './remove-unknown-users.js';
import { reviewApiAllowListStep } from './review-api-allow-list.js';
import { createReviewBillingAlertsStep } from './review-billing-alerts.js';
import { reviewCallControlAppsStep } from './review-call-control-apps.js';
import { reviewIpConnectionsStep } from './review-ip-connections.js';
import { reviewTexmlAppsStep } from './review-texml-apps.js';
import { revokeOauthAccessStep } from './revoke-oauth-access.js';
import { rotatePortOutPinsStep } from './rotate-port-out-pins.js';
import { rotateSipCredentialsStep } from './rotate-sip-credentials.js';
import { createSetSpendLimitsStep } from './set-spend-limits.js';

/**
 * Telnyx's compromise checklist ("What to do after my account got compromised"), in the order a
 * responder should work, after Contain now has stopped outbound calls and messages: lock the door (password, 2FA, the users, OAuth apps and API allow-list
 * entries the attacker added), then the credentials and addresses that
 * let calls through, the messaging secret and API keys, then what the attacker set up to earn
 * money (forwarding, port-out PINs, apps), the limits, and finally the balance, its alerts and the bill. Every automated card says when the
 * incident window is the default one (no `--since`).
 */
export const TELNYX_STEPS: StepDefinition<TelnyxClient>[] = [
  containNowStep,
  changePortalPasswordStep,
  enable2faStep,
  removeUnknownUsersStep,
  revokeOauthAccessStep,
  reviewApiAllowListStep,
  rotateSipCredentialsStep,
  reviewIpConnectionsStep,
  regenerateMessagingSecretStep,
  replaceApiKeysStep,
  deleteIntegrationSecretsStep,
  disableForwardingStep,
  rotatePortOutPinsStep,
  reviewCallControlAppsStep,
  reviewTexmlAppsStep,
  createSetSpendLimitsStep(),
  createReviewBillingAlertsStep(),
  reviewUsageBillingStep,
].map(sayingTheWindow);

export const telnyxPlaybook: Playbook<TelnyxClient> = { provider: 'telnyx', steps: TELNYX_STEPS };

export { CONTAIN_NOW } from './contain-now.js';
export { DELETE_INTEGRATION_SECRETS } from './delete-integration-secrets.js';
export { DISABLE_FORWARDING } from './disable-forwarding.js';
export { PORT_OUT_PIN_LENGTH } from './generate-port-out-pin.js';
export {
  generateSipCredentials,
  meetsTelnyxSipRules,
  type SipCredentials,
} from './generate-sip-credentials.js';
export { TELNYX_API_KEYS_PAGE, TELNYX_PORTAL } from './manual-steps.js';
export { TelnyxPlaybookError } from './playbook-error.js';
export { REGENERATE_MESSAGING_SECRET } from './regenerate-messaging-secret.js';
export { REMOVE_UNKNOWN_USERS } from './remove-unknown-users.js';
export { RESTORE_CONTAINED } from './restore-contained.js';
export { REVIEW_API_ALLOW_LIST } from './review-api-allow-list.js';
export { REVIEW_BILLING_ALERTS } from './review-billing-alerts.js';
export { REVIEW_CALL_CONTROL_APPS } from './review-call-control-apps.js';
export { REVIEW_IP_CONNECTIONS } from './review-ip-connections.js';
export { REVIEW_TEXML_APPS } from './review-texml-apps.js';
export { REVOKE_OAUTH_ACCESS } from './revoke-oauth-access.js';
export { ROTATE_PORT_OUT_PINS } from './rotate-port-out-pins.js';
export { ROTATE_SIP_CREDENTIALS } from './rotate-sip-credentials.js';
export { createSetSpendLimitsStep, SET_SPEND_LIMITS } from './set-spend-limits.js';
export { type SafeSpendLimits, TELNYX_SAFE_LIMITS } from './spend-limits.js';
export { TELNYX_STOPS } from './switch-profile.js';
