import type { ManualStepDefinition } from '../types.js';

/** The SendGrid console. */
export const SENDGRID_APP = 'https://app.sendgrid.com';
export const EMAIL_ACTIVITY_PAGE = 'https://app.sendgrid.com/email_activity';
const FORCED_RESET_FAQ =
  'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/forced-password-reset-faq';

export const changePasswordStep: ManualStepDefinition = {
  id: 'sendgrid.change-password',
  kind: 'manual',
  title: 'Change the SendGrid password',
  why: 'The attacker signed in with this password (often one reused elsewhere) and can sign in again until it changes. Changing it first keeps them from undoing the rest of the clean-up.',
  risk: 'high',
  instructions: [
    '1. If your SendGrid login is a Twilio login (Unified Login: the sign-in page sends you to Twilio), change it in the Twilio Console (https://console.twilio.com): your avatar at the top right › *User settings* › *Password*.',
    `2. Otherwise, in the SendGrid console (${SENDGRID_APP}) open *Settings* › *Account Details*, find *Password*, click the edit icon, enter the current and a new password that is long, unique and not used anywhere else, and *Save*.`,
    '3. In the same place, check the account *Email* and *Username* are still yours: attackers change them to keep access.',
    '4. If the password was used for SMTP or API access (username and password instead of a key), update those systems now: they stop working with the old one.',
  ].join('\n'),
  link: { url: `${SENDGRID_APP}/settings/account`, label: 'SendGrid: Account Details' },
};

export const enable2faStep: ManualStepDefinition = {
  id: 'sendgrid.enable-2fa',
  kind: 'manual',
  title: 'Check two-factor authentication on every login',
  why: 'A password alone is what let the attacker in; with a second factor bound to your phone or app, a leaked password is not enough. An attacker may also have enrolled their own phone.',
  risk: 'high',
  instructions: [
    `1. In the SendGrid console (${SENDGRID_APP}) open *Settings* › *Two-Factor Authentication* (Unified Login users: Twilio Console › *User settings* › *Two-factor authentication*).`,
    '2. Check the phone number or authenticator app listed is yours; remove any you do not know and enrol again with an authenticator app.',
    '3. Ask every teammate to do the same for their own login.',
  ].join('\n'),
  link: { url: `${SENDGRID_APP}/settings/auth`, label: 'SendGrid: Two-Factor Authentication' },
};

export const reviewPaymentMethodsStep: ManualStepDefinition = {
  id: 'sendgrid.review-payment-methods',
  kind: 'manual',
  title: 'Review payment methods and the plan',
  why: 'An attacker who upgrades the plan or adds a card can send far more mail on your bill. No SendGrid API changes billing, so this is checked in the console.',
  risk: 'normal',
  instructions: [
    `1. In the SendGrid console (${SENDGRID_APP}) open *Settings* › *Billing*.`,
    '2. Check the plan and any add-ons (dedicated IPs, extra Email Activity history) are the ones you bought.',
    '3. Check every payment method on file is yours; remove any other and tell your bank about charges you do not recognise.',
  ].join('\n'),
  link: { url: `${SENDGRID_APP}/account/billing`, label: 'SendGrid: Billing' },
};

export const reviewAccountSettingsStep: ManualStepDefinition = {
  id: 'sendgrid.review-account-settings',
  kind: 'manual',
  title: 'Review account details and what the steps above left to you',
  why: 'The steps above delete senders and domains off your domains and stop forwarding and alerts to outside addresses, but what they could not judge, and the account’s own details, are reviewed by eye; Twilio’s forced-password-reset guidance lists them.',
  risk: 'normal',
  instructions: [
    `1. *Settings* › *Sender Authentication* (${SENDGRID_APP}/settings/sender_auth): check the senders, authenticated domains and link branding the sender step kept or flagged are yours.`,
    '2. *Settings* › *Mail Settings* and *Settings* › *Alerts*: check what the forwarding step flagged; turn *Forward Spam* or *Forward Bounce* back on for your own address if you use them.',
    '3. *Settings* › *Account Details*: check the contact email, company and time zone.',
    `4. Read Twilio's guidance for accounts reset after a takeover: ${FORCED_RESET_FAQ}`,
  ].join('\n'),
  link: { url: `${SENDGRID_APP}/settings/sender_auth`, label: 'SendGrid: Sender Authentication' },
};
