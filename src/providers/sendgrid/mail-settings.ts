import type { ProviderHttp } from '../http/types.js';
import { type ForwardSetting, forwardSettingSchema } from './schemas/mail-settings.js';

/** The two mail settings that send the account's mail to an address: spam reports and bounces. */
export type ForwardKind = 'forward_spam' | 'forward_bounce';

export interface MailSettingsApi {
  /** `GET /v3/mail_settings/{forward_spam|forward_bounce}`. */
  forwarding(kind: ForwardKind): Promise<ForwardSetting>;
  /** `PATCH /v3/mail_settings/{kind}` `{ enabled, email }`: the address is sent back unchanged. */
  setForwarding(kind: ForwardKind, setting: ForwardSetting): Promise<ForwardSetting>;
}

const word = (kind: ForwardKind) => (kind === 'forward_spam' ? 'spam' : 'bounce');

export function createMailSettingsApi(http: ProviderHttp): MailSettingsApi {
  const path = (kind: ForwardKind) => `/v3/mail_settings/${kind}`;
  return {
    async forwarding(kind) {
      const operation = `get ${word(kind)} forwarding`;
      return (
        await http.request({ method: 'GET', path: path(kind), schema: forwardSettingSchema, operation })
      ).data;
    },
    async setForwarding(kind, { enabled, email }) {
      const operation = `${enabled ? 'enable' : 'disable'} ${word(kind)} forwarding`;
      const body = { json: { enabled, email } };
      return (
        await http.request({
          method: 'PATCH',
          path: path(kind),
          body,
          schema: forwardSettingSchema,
          operation,
        })
      ).data;
    },
  };
}
