// What both ack-latency runs share: 50 rehearsals opened and discovered, and the 500 clicks and commands to fire.
import { TELNYX_STEPS } from '../../src/playbooks/telnyx/index.js';
import type { ChannelView, FakeSlack } from '../../test/support/fake-slack/index.js';

export const INCIDENTS = 50;
export const REQUESTS = 500;

/**
 * Opens INCIDENTS rehearsals (the in-process sandbox, so no provider is needed; each a full Telnyx
 * playbook) through whatever bot the fake is connected to, and waits until every card is drawn
 * and no step is pending or discovering (read from `/metrics`), so a burst measures acks, not acks
 * under 50 concurrent discoveries.
 */
export async function openBenchIncidents(fs: FakeSlack, metricsUrl: string): Promise<ChannelView[]> {
  for (let i = 0; i < INCIDENTS; i += 1) {
    await fs.command('UALICE', '/compromise', `start sandbox inc${i}`, { channelId: 'CGENERAL' });
  }
  const channels = await fs.waitFor(
    () => {
      const cs = fs.channels.filter((c) => c.name.startsWith('compromise-'));
      const ready = cs.filter((c) => fs.findButtons(c.id, (b) => b.actionId === 'step.approve').length >= 3);
      return ready.length === INCIDENTS ? ready : null;
    },
    { timeoutMs: 600_000, intervalMs: 250 },
  );
  const automated = TELNYX_STEPS.filter((step) => step.kind === 'automated').length * INCIDENTS;
  await fs.waitFor(
    async () => {
      const metrics = await (await fetch(`${metricsUrl}/metrics`)).text();
      const discovered = [...metrics.matchAll(/^reclaim_steps\{state="(\w+)"\} (\d+)/gm)]
        .filter(([, state]) => state !== 'pending' && state !== 'discovering')
        .reduce((sum, [, , n]) => sum + Number(n), 0);
      return discovered >= automated;
    },
    { timeoutMs: 600_000, intervalMs: 500 },
  );
  return channels;
}

/**
 * REQUESTS clicks (Approve and Skip, in turn) and `/compromise status` commands over the open
 * incidents, built by the fake as Slack would (with each message's current blocks) and handed to
 * whatever target is connected: the benches connect one that only records them.
 */
export async function buildBenchClicks(fs: FakeSlack, channels: readonly ChannelView[]): Promise<void> {
  const users = ['UBOB', 'UCAROL', 'UDAVE', 'UERIN', 'UALICE'];
  for (let i = 0; i < REQUESTS; i += 1) {
    const channel = channels[i % channels.length]!;
    const user = users[i % users.length]!;
    if (i % 5 === 4) await fs.command(user, '/compromise', 'status', { channelId: channel.id });
    else {
      const kind = i % 2 ? 'step.approve' : 'step.skip';
      await fs.click(user, fs.findButtons(channel.id, (b) => b.actionId === kind)[0]!);
    }
  }
}

/** Upper bound of the bucket holding the 99th percentile, from a Prometheus histogram (all labels summed). */
export function histogramP99(text: string, name: string): number {
  const buckets = new Map<number, number>();
  for (const line of text.split('\n')) {
    const m = new RegExp(`^${name}_bucket\\{le="([^"]+)"[^}]*\\} (\\d+)`).exec(line);
    if (m) buckets.set(Number(m[1]), (buckets.get(Number(m[1])) ?? 0) + Number(m[2]));
  }
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  return (sorted.find(([, n]) => n >= 0.99 * total)?.[0] ?? Number.NaN) * 1000;
}
