import type { ProviderHttp } from '../http/types.js';
import { call } from './requests.js';
import { type ForwardSetting, forwardSettingSchema } from './schemas/mail-settings.js';

/** The two mail settings that send the account's mail to an address: spam reports and bounces. */
export type ForwardKind = 'forward_spam' | 'forward_bounce';

export type MailSettingsApi = ReturnType<typeof createMailSettingsApi>;

const word = (kind: ForwardKind) => (kind === 'forward_spam' ? 'spam' : 'bounce');

export function createMailSettingsApi(http: ProviderHttp) {
  const path = (kind: ForwardKind) => `/v3/mail_settings/${kind}`;
  return {
    /** `GET /v3/mail_settings/{forward_spam|forward_bounce}`. */
    async forwarding(kind: ForwardKind) {
      const operation = `get ${word(kind)} forwarding`;
      return call(http, { method: 'GET', path: path(kind), schema: forwardSettingSchema, operation });
    },
    /** `PATCH /v3/mail_settings/{kind}` `{ enabled, email }`: the address is sent back unchanged. */
    async setForwarding(kind: ForwardKind, { enabled, email }: ForwardSetting) {
      const operation = `${enabled ? 'enable' : 'disable'} ${word(kind)} forwarding`;
      const body = { json: { enabled, email } };
      return call(http, { method: 'PATCH', path: path(kind), body, schema: forwardSettingSchema, operation });
    },
  };
}
