// Removes a Sender Identity, an authenticated domain or a branded link; a recheck lists them first.
import type {
  BrandedDomain,
  IdentityApi,
  SendgridClient,
  VerifiedSender,
} from '../../providers/sendgrid/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { removeListed } from '../kit/step-kit.js';

/** The identity API under string ids (plans keep ids as text; SendGrid's are numbers). */
function byText<T extends { id: number }>(api: IdentityApi<T>) {
  return { list: () => api.list(), delete: (id: string) => api.delete(Number(id)) };
}

const idOf = (item: { id: number }) => String(item.id);

/** `DELETE /v3/verified_senders/{id}` (204). */
export const deleteVerifiedSender: KindExecutor<SendgridClient> = removeListed<
  SendgridClient,
  VerifiedSender
>((client) => byText(client.verifiedSenders), idOf, { result: { deleted: true } });

/** `DELETE /v3/whitelabel/domains/{domain_id}` (204): SendGrid stops signing mail for it. */
export const deleteAuthenticatedDomain: KindExecutor<SendgridClient> = removeListed<
  SendgridClient,
  BrandedDomain
>((client) => byText(client.authenticatedDomains), idOf, { result: { deleted: true } });

/** `DELETE /v3/whitelabel/links/{id}` (204): links stop being rewritten to it. */
export const deleteBrandedLink: KindExecutor<SendgridClient> = removeListed<SendgridClient, BrandedDomain>(
  (client) => byText(client.brandedLinks),
  idOf,
  { result: { deleted: true } },
);
