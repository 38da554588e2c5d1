/** The connect modal's submission: the credential checked by the use case, the answer in the user's words, never the value. */

import { setTimeout as sleep } from 'node:timers/promises';
import type { App } from '@slack/bolt';
import { type ProviderCredential, providerOfLabel } from '../../domain/connection.js';
import { normaliseError } from '../../domain/errors.js';
import { connectProvider } from '../../incidents/connect-provider.js';
import {
  buildConnectAnswer,
  CONNECT_FIELDS,
  CONNECT_MODAL_CALLBACK_ID,
} from '../blocks/build-connect-modal.js';
import { clip } from '../blocks/mrkdwn.js';
import type { SlackContext } from '../cards/card-context.js';

/** Slack wants the answer to a submission within 3 s. */
const ANSWER_WITHIN_MS = 2_300;

interface ConnectMetadata {
  label: string;
  channelId: string;
  incidentId?: string;
}

function credentialFrom(label: string, read: (id: string) => string): ProviderCredential | null {
  const provider = providerOfLabel(label);
  if (provider === 'telnyx' || provider === 'sendgrid') return { provider, apiKey: read('api_key') };
  if (provider === 'twilio')
    return { provider, accountSid: read('account_sid'), authToken: read('auth_token') };
  return null;
}

/**
 * Empty fields are refused inside the modal; then the use case checks the credential (one
 * read-only call to the provider) and seals it. A refusal is shown on the field in the
 * provider's words; success replaces the form with a sentence that never repeats the value.
 */
export function registerConnectModal(app: App, ctx: SlackContext): void {
  app.view(CONNECT_MODAL_CALLBACK_ID, async ({ ack, view, body, context }) => {
    let meta: ConnectMetadata | null = null;
    try {
      meta = JSON.parse(view.private_metadata) as ConnectMetadata;
    } catch {
      meta = null;
    }
    const provider = meta ? providerOfLabel(meta.label) : null;
    const read = (id: string) => view.state.values[id]?.[id]?.value?.trim() ?? '';
    if (meta && provider) {
      const empty = CONNECT_FIELDS[provider].filter((f) => read(f.id).length === 0);
      if (empty.length > 0) {
        const errors = Object.fromEntries(empty.map((f) => [f.id, `Paste the ${f.label}.`]));
        await ack({ response_action: 'errors', errors });
        ctx.acked(context, 'view_submission');
        return;
      }
    }
    const credential = meta ? credentialFrom(meta.label, read) : null;
    if (!meta || !credential) {
      await ack();
      ctx.acked(context, 'view_submission');
      ctx.logger.warn({ callbackId: CONNECT_MODAL_CALLBACK_ID }, 'connect modal without a connection');
      return;
    }
    const { label } = meta;
    // The answer goes into the modal itself (the bot may not be in the channel the command came
    // from): checked and saved within Slack's 3 s, or said to be still under way.
    const saved = connectProvider(ctx.deps, {
      ...(await ctx.actorOf(body.user.id)),
      label,
      credential,
      ...(meta.incidentId ? { incidentId: meta.incidentId } : {}),
    });
    const out = await Promise.race([saved, sleep(ANSWER_WITHIN_MS).then(() => null)]).catch(
      (err: unknown) => {
        ctx.logger.error({ what: 'connect', code: normaliseError(err).code }, 'connect failed');
        return {
          ok: false as const,
          code: 'internal_error',
          message: 'Reclaim could not save it; nothing was stored.',
        };
      },
    );
    saved.catch(() => undefined);
    if (out && !out.ok && out.code === 'credential_refused') {
      const field = CONNECT_FIELDS[credential.provider].at(-1)!.id;
      await ack({ response_action: 'errors', errors: { [field]: clip(out.message, 150) } });
      ctx.acked(context, 'view_submission');
      return;
    }
    const text =
      out === null
        ? `Still checking \`${label}\` with ${credential.provider}; \`/compromise connections\` shows it once it is saved.`
        : out.ok
          ? `🔐 \`${label}\` is connected (version ${out.version}${out.connection.accountId ? `, account ${out.connection.accountId}` : ''}). The credential is sealed; nobody will see it again.`
          : `🚫 Nothing was saved for \`${label}\`. ${out.message}`;
    await ack({ response_action: 'update', view: buildConnectAnswer(text) });
    ctx.acked(context, 'view_submission');
  });
}
