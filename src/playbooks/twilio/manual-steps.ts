import type { ManualStepDefinition } from '../types.js';

/** The Twilio Console. */
export const TWILIO_CONSOLE = 'https://console.twilio.com';
/** Twilio's checklist after a forced password reset (credential stuffing), which these cards follow. */
export const TWILIO_FORCED_RESET_FAQ =
  'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/forced-password-reset-faq';

export const changeConsolePasswordStep: ManualStepDefinition = {
  id: 'twilio.change-console-password',
  kind: 'manual',
  title: 'Change the Twilio Console password',
  why: 'The attacker signed in with this password, or one reused elsewhere, and can sign in again until it changes. Changing it first keeps them from undoing the rest of the clean-up.',
  risk: 'high',
  instructions: [
    `1. Sign in to the Twilio Console (${TWILIO_CONSOLE}) as the compromised user.`,
    '2. Click your name at the top right › *User settings*; enter the code Twilio emails you to open the page.',
    '3. Under *Password*, set a new one that is long, unique and not used anywhere else; save.',
    '4. On the same page, check that the login email is still yours: attackers change it to keep access.',
    '5. Ask every other user of the account who may have reused the password to change theirs too.',
  ].join('\n'),
  link: { url: TWILIO_FORCED_RESET_FAQ, label: 'Twilio: forced password reset FAQ' },
};

export const enableTwoFactorStep: ManualStepDefinition = {
  id: 'twilio.enable-2fa',
  kind: 'manual',
  title: 'Turn on two-factor authentication for every user',
  why: 'A password alone is what let the attacker in; with a second factor a leaked or guessed password is not enough to sign in again.',
  risk: 'high',
  instructions: [
    `1. In the Twilio Console (${TWILIO_CONSOLE}), click your name › *User settings* › *Two-factor authentication (2FA)*.`,
    '2. Click *Set up 2FA* (or *Edit*), choose an authenticator app where you can, and verify the code.',
    '3. Store the emergency recovery code Twilio shows once, somewhere safe.',
    '4. Check that the 2FA phone number listed is yours; the attacker may have replaced it. *Reset* it if not.',
    '5. Ask every user of the account to do the same on their own *User settings* page.',
  ].join('\n'),
  link: {
    url: 'https://help.twilio.com/articles/223136307-Enable-Two-Factor-Authentication-on-your-Twilio-Account',
    label: 'Twilio: enable two-factor authentication',
  },
};

export const reviewConsoleUsersStep: ManualStepDefinition = {
  id: 'twilio.review-console-users',
  kind: 'manual',
  title: 'Remove Console users and invitations you do not know',
  why: 'A user the attacker invited keeps their own password and 2FA, so they survive every credential change. The REST API Reclaim uses has no endpoint for an account’s users.',
  risk: 'high',
  instructions: [
    `1. In the Twilio Console (${TWILIO_CONSOLE}), open *Admin* (top right) › *Account management* › *Manage users*.`,
    '2. Remove every user you do not know; demote anyone who holds *Administrator* or *Owner* and should not.',
    '3. Open the *Invited users* tab and revoke every pending invitation you did not send.',
    '4. If the account belongs to an Organization, do the same in the *Admin Center* › *Users*.',
    '5. Repeat for each subaccount you keep active.',
  ].join('\n'),
  link: {
    url: 'https://help.twilio.com/articles/223135847-Add-Remove-or-Modify-Users-with-Your-Twilio-Account',
    label: 'Twilio: add, remove or modify users',
  },
};

export const reviewPaymentMethodsStep: ManualStepDefinition = {
  id: 'twilio.review-payment-methods',
  kind: 'manual',
  title: 'Review payment methods and auto-recharge',
  why: 'Fraudulent calls and messages are charged to the card on file, and auto-recharge keeps paying for them until someone looks. No REST endpoint shows or changes payment methods.',
  risk: 'normal',
  instructions: [
    `1. In the Twilio Console (${TWILIO_CONSOLE}), open *Admin* › *Account billing* › *Payment methods*.`,
    '2. Remove any card or PayPal account you did not add.',
    '3. Under *Auto-recharge*, lower the recharge amount (or turn it off) until the clean-up is over.',
    '4. Look at *Billing* › *Invoices and billing history* and the usage since the incident began; note the charges you dispute.',
    '5. Contact Twilio Support with the incident window and the disputed charges.',
  ].join('\n'),
  link: { url: TWILIO_FORCED_RESET_FAQ, label: 'Twilio: forced password reset FAQ' },
};
