// Reads the SendGrid owner's sign-in address, whose domain counts as the operator's.
import { ProviderError } from '../../providers/http/index.js';
import type { SendgridClient } from '../../providers/sendgrid/index.js';
import type { PlaybookContext } from '../types.js';

/**
 * The owner's sign-in address (`GET /v3/user/email`), whose domain counts as the operator's; null
 * when the key may not read it (401/403) or SendGrid has none, so discovery goes on without it.
 */
export async function readOwnerEmail(ctx: PlaybookContext<SendgridClient>): Promise<string | null> {
  try {
    return await ctx.client.user.email();
  } catch (err) {
    if (
      err instanceof ProviderError &&
      (err.code === 'provider_auth_failed' || err.code === 'provider_not_found')
    ) {
      ctx.logger.warn({ code: err.code }, 'could not read the SendGrid account email');
      return null;
    }
    throw err;
  }
}
