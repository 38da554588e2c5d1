/** `/compromise disconnect <label>`: an approver removes a connection and every credential it held, audited. */
import { appendAudit } from '../audit/append-audit.js';
import { listOpenIncidents } from '../db/repos/incidents-repo.js';
import type { Actor } from '../domain/actor.js';
import { connectionOf } from '../domain/connection.js';
import { PROVIDERS_OF } from '../domain/providers.js';
import { connectionGate } from './connection-gate.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

/** Refused while an open incident works through it (its next step would have no access). */
export async function disconnectProvider(
  deps: UseCaseDeps,
  input: Actor & { label: string },
): Promise<{ ok: true } | Refusal> {
  const gate = connectionGate(deps, input);
  if (!gate.ok) return gate;
  const { label } = input;
  return deps.db.transaction(async (tx) => {
    if (!(await gate.store.find(label, tx))) {
      return refuse(
        'connection_not_found',
        `There is no connection named \`${label}\`; \`/compromise connections\` lists them.`,
      );
    }
    const using = (await listOpenIncidents(tx)).filter(
      (i) => !i.rehearsal && PROVIDERS_OF[i.provider].some((p) => connectionOf(i.connections, p) === label),
    );
    if (using.length > 0) {
      return refuse(
        'connection_in_use',
        `\`${label}\` is in use by ${using.length} open incident(s) (${using.map((i) => i.label).join(', ')}); close them first.`,
      );
    }
    await gate.store.remove(tx, label);
    await appendAudit(tx, { actor: input.userId, action: 'connection.removed', payload: { label } });
    return { ok: true as const };
  });
}
