import type { ManualStepDefinition } from '../types.js';

/** The Telnyx Mission Control Portal. */
export const TELNYX_PORTAL = 'https://portal.telnyx.com';
/** Where API keys are deleted and created (Telnyx API v2 has no endpoint for them). */
export const TELNYX_API_KEYS_PAGE = 'https://portal.telnyx.com/#/app/api-keys';

export const changePortalPasswordStep: ManualStepDefinition = {
  id: 'telnyx.change-portal-password',
  kind: 'manual',
  title: 'Change the portal password',
  why: 'The attacker signed in with this password, or one reused elsewhere, and can sign in again until it changes. Changing it first keeps them from undoing the rest of the clean-up.',
  risk: 'high',
  instructions: [
    `1. Sign in to the Mission Control Portal (${TELNYX_PORTAL}) as the compromised user.`,
    '2. Open the profile icon at the top right › *Account Settings* › *Security*.',
    '3. Under *Password*, enter the current password and a new one that is long, unique and not used anywhere else; save.',
    '4. Under *Email*, check that the sign-in address is still yours (attackers change it to keep access).',
    '5. In the Account section, look through the organization’s users and remove anyone you do not know; change the password of every other user the attacker may have seen.',
  ].join('\n'),
  link: {
    url: 'https://support.telnyx.com/en/articles/4280610-how-to-setup-your-account-general-tab',
    label: 'Telnyx: account settings and security',
  },
};

export const enable2faStep: ManualStepDefinition = {
  id: 'telnyx.enable-2fa',
  kind: 'manual',
  title: 'Turn on two-factor authentication',
  why: 'A password alone is what let the attacker in; with a second factor a leaked or guessed password is not enough to sign in again.',
  risk: 'high',
  instructions: [
    `1. In the Mission Control Portal (${TELNYX_PORTAL}), open the profile icon › *Account Settings* › *Security*.`,
    '2. Turn on *Two-Factor Authentication* and choose *TOTP* (an authenticator app) where you can; SMS/Call is the fallback.',
    '3. Scan the QR code with the authenticator app and enter the code it shows to confirm.',
    '4. Save the backup codes somewhere safe: each is shown once and works once.',
    '5. Ask every other user of the organization to do the same.',
  ].join('\n'),
  link: {
    url: 'https://support.telnyx.com/en/articles/3739748-2fa-totp-setup',
    label: 'Telnyx: 2FA / TOTP setup',
  },
};

export const replaceApiKeysStep: ManualStepDefinition = {
  id: 'telnyx.replace-api-keys',
  kind: 'manual',
  title: 'Delete the API keys and create new ones',
  why: 'Every API key the attacker saw or created works without the portal password or 2FA. Telnyx API v2 has no endpoint to manage keys, so this is done in the portal.',
  risk: 'high',
  takesNewCredential: 'telnyx',
  instructions: [
    `1. Open *API Keys* in the portal: ${TELNYX_API_KEYS_PAGE}.`,
    '2. Create a new key first; it is shown only once, so store it in your secret manager straight away.',
    '3. Give the new key to Reclaim (*Give Reclaim the new key* below) and put it everywhere your systems call Telnyx, then delete every old key, including any you do not recognise. Mark done checks with Telnyx that every key Reclaim held before is refused.',
    '4. Deleting or disabling a key does *not* stop TeXML applications: they keep fetching their voice URL. The TeXML step of this incident deals with those.',
    '5. Review OAuth clients and integration secrets in the portal as well, and delete any you did not create.',
  ].join('\n'),
  link: {
    url: 'https://developers.telnyx.com/development/api-fundamentals/create-api-keys',
    label: 'Telnyx: create API keys',
  },
};

export const reviewUsageBillingStep: ManualStepDefinition = {
  id: 'telnyx.review-usage-billing',
  kind: 'manual',
  title: 'Review recent usage and billing',
  why: 'Fraudulent calls and messages show up as charges: the usage since the attacker got in tells you what they did and what to dispute. Auto-recharge can keep paying for fraud until it is checked.',
  risk: 'normal',
  instructions: [
    `1. In the Mission Control Portal (${TELNYX_PORTAL}), open the profile icon menu › *Billing* and look at the balance and the payments since the incident began.`,
    '2. Check *Auto Recharge* and the saved payment methods: remove any you did not add, and lower the recharge amount until the clean-up is over.',
    '3. In the reporting section, run usage reports (voice, messaging) for the incident window; look for calls to unusual countries, premium numbers and bursts of messages.',
    '4. The card *Check the balance and billing alerts* shows the balance and the alerts Reclaim found (and creates one where it can); if it could not, set one up under *Account* › *Notifications* so a spike reaches you by email.',
    '5. Send Telnyx support the incident window and the charges you dispute.',
  ].join('\n'),
  link: {
    url: 'https://support.telnyx.com/en/articles/4280500-billing-billing-groups',
    label: 'Telnyx: billing and billing groups',
  },
};
