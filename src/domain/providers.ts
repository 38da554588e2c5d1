/** The providers Reclaim remediates, named once for the whole code base. */

/** One provider account kind, with its own client, playbook and simulator. */
export const PROVIDER_NAMES = ['telnyx', 'twilio', 'sendgrid'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** What an incident covers: one provider, or Twilio and its SendGrid together. */
export type IncidentProvider = ProviderName | 'twilio+sendgrid';

/** The providers an incident of this kind covers, in the order their steps appear. */
export const PROVIDERS_OF: Readonly<Record<IncidentProvider, readonly ProviderName[]>> = {
  telnyx: ['telnyx'],
  twilio: ['twilio'],
  sendgrid: ['sendgrid'],
  'twilio+sendgrid': ['twilio', 'sendgrid'],
};

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}
