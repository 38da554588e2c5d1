import { accessRef, allowRuleRef } from '../../../src/providers/sendgrid/index.js';
import {
  ATTACKER_INVITE_EMAIL,
  type PlantedChange as SendgridChange,
  type SendgridSimulator,
  sendgridPlantedChanges,
} from '../../../src/sandbox/sendgrid/index.js';
import {
  plantedTwilioChanges,
  type PlantedChange as TwilioChange,
  type TwilioSimulator,
} from '../../../src/sandbox/twilio/index.js';

/** One planted change, the step whose card must flag it, and what a flagged line of it names. */
export interface PlantedOnCard {
  /** `<provider>:<planted kind>`, e.g. `twilio:api_key`. */
  kind: string;
  summary: string;
  stepId: string;
  /** Each must be on one and the same ⚠️ finding line of the card. */
  shows: string[];
}

function twilioExpectation(sim: TwilioSimulator, c: TwilioChange): PlantedOnCard {
  const on = (stepId: string, ...shows: string[]) => ({
    kind: `twilio:${c.kind}`,
    summary: c.summary,
    stepId,
    shows,
  });
  switch (c.kind) {
    case 'auth_token':
      return on('twilio.rotate-auth-token', c.id);
    case 'api_key':
      return on('twilio.revoke-api-keys', c.id);
    case 'subaccount':
      return on('twilio.suspend-subaccounts', c.id);
    case 'ip_address':
      return on('twilio.remove-unknown-sip-ips', c.value ?? c.id);
    case 'incoming_phone_number': {
      const number = sim.state.incomingPhoneNumbers.find((n) => n.sid === c.id);
      return on('twilio.reset-number-webhooks', number?.phone_number ?? c.id, c.value ?? '');
    }
    case 'application':
      return on('twilio.reset-twiml-app-urls', c.id, c.value ?? '');
    case 'sip_trunk':
      return on('twilio.remove-rogue-sip-trunks', c.id);
    case 'trunk_origination_url':
      return on('twilio.remove-rogue-sip-trunks', c.id, c.value ?? '');
    case 'sip_domain':
      return on('twilio.reset-sip-domain-urls', c.id, c.value ?? '');
    case 'sip_domain_mapping':
      return on('twilio.remove-sip-domain-mappings', c.id);
    case 'messaging_service':
      return on('twilio.reset-messaging-service-urls', c.id, c.value ?? '');
    case 'dialing_country':
      return on('twilio.close-geo-permissions', 'Voice dialing to', `(${c.id.replace(/^voice:/, '')})`);
    case 'messaging_country':
      return on('twilio.close-geo-permissions', `Messaging to ${c.id.replace(/^messaging:/, '')}`);
    case 'subaccount_auth_token':
      return on('twilio.rotate-subaccount-tokens', c.id);
    case 'subaccount_api_key':
      return on('twilio.revoke-api-keys', 'In subaccount “Acme staging”', c.id);
    case 'subaccount_phone_number':
      return on('twilio.reset-number-webhooks', 'In subaccount “Acme staging”', c.value ?? '');
    case 'subaccount_application':
      return on('twilio.reset-twiml-app-urls', 'In subaccount “Acme staging”', c.id, c.value ?? '');
    case 'outgoing_caller_id':
      return on('twilio.delete-outgoing-caller-ids', c.value ?? c.id);
    case 'monitor_event': {
      const event = sim.state.identity.events.find((e) => e.sid === c.id);
      return on('twilio.review-account-settings', event?.event_type ?? c.id, `from ${c.value ?? ''}`);
    }
  }
}

function sendgridExpectation(sim: SendgridSimulator, c: SendgridChange): PlantedOnCard {
  const on = (stepId: string, ...shows: string[]) => ({
    kind: `sendgrid:${c.kind}`,
    summary: c.summary,
    stepId,
    shows,
  });
  switch (c.kind) {
    case 'api_key':
      return on('sendgrid.replace-api-keys', c.id);
    case 'allowed_ip': {
      const rule = sim.state.allowList.find((e) => allowRuleRef(e.id) === c.id);
      return on('sendgrid.review-ip-access', `Allowed: ${rule?.ip ?? c.id}`);
    }
    case 'access_attempt': {
      const ip = sim.state.activity.find((a) => accessRef(a.ip) === c.id)?.ip;
      return on('sendgrid.review-ip-access', `${ip ?? c.id} (`);
    }
    case 'teammate':
      return on('sendgrid.remove-unknown-teammates', `Teammate ${c.id} `);
    case 'pending_invite':
      return on('sendgrid.remove-unknown-teammates', `invitation to ${ATTACKER_INVITE_EMAIL}`);
    case 'subuser':
      return on('sendgrid.disable-unknown-subusers', `Subuser ${c.id} `);
    case 'event_webhook': {
      const hook = sim.state.eventWebhooks.find((w) => w.id === c.id);
      return on('sendgrid.review-webhooks', c.id, hook?.url ?? '');
    }
    case 'sent_subject':
      // The card names a subject group as its reference does: digits folded into `#`.
      return on('sendgrid.review-sent-email', `“${c.id.replace(/^subject:/, '')}”`);
    case 'verified_sender': {
      const sender = sim.state.verifiedSenders.find((v) => `sender:${v.id}` === c.id);
      return on('sendgrid.review-senders', 'Sender ', sender?.from_email ?? c.id);
    }
    case 'authenticated_domain':
      return on('sendgrid.review-senders', 'Authenticated domain ', `(${c.id.replace(/^domain:/, '')})`);
    case 'branded_link':
      return on('sendgrid.review-senders', 'Branded link ', `(${c.id.replace(/^link:/, '')})`);
    case 'mail_setting':
      return on(
        'sendgrid.review-mail-settings',
        c.id.endsWith('forward_spam') ? 'Forward Spam → ' : 'Forward Bounce → ',
      );
    case 'alert':
      return on('sendgrid.review-mail-settings', `Alert ${c.id.replace(/^alert:/, '')} (`);
  }
}

/**
 * What the seeds planted in both accounts (read with the simulators' own helpers), each with the
 * step whose card must flag it once discovery is over and the words that flagged line carries.
 * Call it before the clean-up: it reads the planted resources' current names and addresses.
 */
export function plantedOnCards(twilio: TwilioSimulator, sendgrid: SendgridSimulator): PlantedOnCard[] {
  return [
    ...plantedTwilioChanges(twilio).map((c) => twilioExpectation(twilio, c)),
    ...sendgridPlantedChanges(sendgrid).map((c) => sendgridExpectation(sendgrid, c)),
  ];
}

/** What the Twilio seed planted (of `kinds`, or all), each with the step whose card must flag it (as `plantedOnCards`). */
export function plantedTwilioOnCards(twilio: TwilioSimulator, kinds?: readonly string[]): PlantedOnCard[] {
  return plantedTwilioChanges(twilio)
    .filter((c) => kinds === undefined || kinds.includes(c.kind))
    .map((c) => twilioExpectation(twilio, c));
}

/** What the SendGrid seed planted, each with the step whose card must flag it (see `plantedOnCards`). */
export function plantedSendgridOnCards(sendgrid: SendgridSimulator): PlantedOnCard[] {
  return sendgridPlantedChanges(sendgrid).map((c) => sendgridExpectation(sendgrid, c));
}

/** The ⚠️ finding lines of a card's text. */
export function flaggedLines(cardText: string): string[] {
  return cardText.split('\n').filter((line) => line.startsWith('⚠️'));
}
