import { connectSubaccount } from '../../incidents/connect-subaccount.js';
import { connectionGate } from '../../incidents/connection-gate.js';
import { disconnectProvider } from '../../incidents/disconnect-provider.js';
import { listConnections } from '../../incidents/list-connections.js';
import { buildConnectModal } from '../blocks/build-connect-modal.js';
import { buildConnectionList } from '../blocks/build-connection-list.js';
import { buildRefusal } from '../blocks/build-usage-message.js';
import { sectionBlock } from '../blocks/mrkdwn.js';
import type { SlackContext } from '../cards/card-context.js';
import type { ParsedCommand } from '../commands/parse-command.js';
import type { Reply } from './answer.js';

type ConnectionCommand = Extract<
  ParsedCommand,
  { kind: 'connect' | 'connect_subaccount' | 'connections' | 'disconnect' }
>;

export async function connectionCommand(
  ctx: SlackContext,
  parsed: ConnectionCommand,
  who: { userId: string; channelId: string; triggerId: string },
  reply: Reply,
): Promise<void> {
  const actor = await ctx.actorOf(who.userId);
  if (parsed.kind === 'connections') {
    const listed = await listConnections(ctx.deps, actor);
    return reply(listed.ok ? buildConnectionList(listed.connections) : buildRefusal(listed.message));
  }
  if (parsed.kind === 'connect_subaccount') {
    const { label, subaccountSid, parentLabel } = parsed;
    const out = await connectSubaccount(ctx.deps, { ...actor, label, subaccountSid, parentLabel });
    if (!out.ok) return reply(buildRefusal(out.message));
    const text = `🔐 \`${label}\` is connected: subaccount ${subaccountSid} of \`${parentLabel}\`, read through it and checked (version ${out.version}). Its Auth Token is sealed; nobody will see it.`;
    return reply({ text, blocks: [sectionBlock('connected', text)] });
  }
  if (parsed.kind === 'disconnect') {
    const out = await disconnectProvider(ctx.deps, { ...actor, label: parsed.label });
    if (!out.ok) return reply(buildRefusal(out.message));
    const text = `\`${parsed.label}\` is disconnected: Reclaim no longer holds any of its credentials.`;
    return reply({ text, blocks: [sectionBlock('disconnected', text)] });
  }
  // Refused before any form opens: only an approver may be handed one.
  const gate = connectionGate(ctx.deps, actor);
  if (!gate.ok) return reply(buildRefusal(gate.message));
  const view = buildConnectModal({
    provider: parsed.provider,
    label: parsed.label,
    channelId: who.channelId,
  });
  await ctx.gateway.openView(who.triggerId, view);
}
