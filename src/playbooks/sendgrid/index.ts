/** playbooks/sendgrid: the SendGrid playbook, SendGrid's recovery checklist as ordered steps. */
import type { SendgridClient } from '../../providers/sendgrid/index.js';
import { sayingTheWindow } from '../kit/incident-window.js';
import type { Playbook, StepDefinition } from '../types.js';
import { containNowStep } from './contain-now.js';
import { disableUnknownSubusersStep } from './disable-unknown-subusers.js';
import {
  changePasswordStep,
  enable2faStep,
  reviewAccountSettingsStep,
  reviewPaymentMethodsStep,
} from './manual-steps.js';
import { removeUnknownTeammatesStep } from './remove-unknown-teammates.js';
import { replaceApiKeysStep } from './replace-api-keys.js';
import { reviewIpAccessStep } from './review-ip-access.js';
import { reviewMailSettingsStep } from './review-mail-settings.js';
import { reviewSendersStep } from './review-senders.js';
import { createReviewSentEmailStep, type ReviewSentEmailOptions } from './review-sent-email.js';
import { reviewWebhooksStep } from './review-webhooks.js';

/**
 * Twilio's forced-password-reset checklist for SendGrid, in the order a responder should work:
 * lock the door (password, 2FA), then the credentials and addresses that let the attacker back
 * in (keys, allow list, teammates), what they set up to send and listen (subusers, senders and
 * domains, webhooks, forwarding and alerts),
 * what they sent, and finally the bill and the account settings.
 */
export function createSendgridSteps(options: ReviewSentEmailOptions = {}): StepDefinition<SendgridClient>[] {
  return [
    containNowStep,
    changePasswordStep,
    enable2faStep,
    replaceApiKeysStep,
    reviewIpAccessStep,
    removeUnknownTeammatesStep,
    disableUnknownSubusersStep,
    reviewSendersStep,
    reviewWebhooksStep,
    reviewMailSettingsStep,
    createReviewSentEmailStep(options),
    reviewPaymentMethodsStep,
    reviewAccountSettingsStep,
  ].map(sayingTheWindow);
}

export const SENDGRID_STEPS: StepDefinition<SendgridClient>[] = createSendgridSteps();

export const sendgridPlaybook: Playbook<SendgridClient> = { provider: 'sendgrid', steps: SENDGRID_STEPS };

export { ACCOUNT_CONTROL_SCOPES, REPLACED_MARK, replacementName } from './api-key-rules.js';
export { CONTAIN_NEEDS, CONTAIN_NOW, containNowStep } from './contain-now.js';
export { CONTAINED_SCOPES, REDUCE_KEY_SCOPES, RESTORE_KEY_SCOPES } from './contained-scopes.js';
export { DISABLE_UNKNOWN_SUBUSERS } from './disable-unknown-subusers.js';
export { groupBySubject, type SubjectGroup } from './group-subjects.js';
export { EMAIL_ACTIVITY_PAGE, SENDGRID_APP } from './manual-steps.js';
export { SendgridPlaybookError } from './playbook-error.js';
export { REMOVE_UNKNOWN_TEAMMATES } from './remove-unknown-teammates.js';
export { REPLACE_API_KEYS } from './replace-api-keys.js';
export { RESTORE_CONTAINED, restoreContainedStep } from './restore-contained.js';
export { REVIEW_IP_ACCESS } from './review-ip-access.js';
export { REVIEW_MAIL_SETTINGS } from './review-mail-settings.js';
export { REVIEW_SENDERS } from './review-senders.js';
export {
  createReviewSentEmailStep,
  REVIEW_DAYS,
  REVIEW_SENT_EMAIL,
  type ReviewSentEmailOptions,
} from './review-sent-email.js';
export { REVIEW_WEBHOOKS } from './review-webhooks.js';
export { SPAM_PATTERNS, spamSignals } from './spam-patterns.js';
export { domainIsKnown, domainOf, entryIsTrusted, isCovered, knownDomains } from './trust.js';
