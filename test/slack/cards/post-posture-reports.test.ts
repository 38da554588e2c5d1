import { describe, expect, it } from 'vitest';
import type { PostureReport } from '../../../src/domain/posture.js';
import type { SlackMessage } from '../../../src/slack/blocks/types.js';
import { NO_CONNECTION_TO_CHECK, postPostureReports } from '../../../src/slack/cards/post-posture-reports.js';
import type { SlackGateway } from '../../../src/slack/gateway/slack-gateway.js';

function recordingGateway(fail?: string) {
  const posts: { channel: string; message: SlackMessage }[] = [];
  const gateway = {
    post: async (channel: string, message: SlackMessage) => {
      if (fail) throw new Error(fail);
      posts.push({ channel, message });
      return { ts: String(posts.length) };
    },
  } as unknown as SlackGateway;
  return { gateway, posts };
}

const report = (label: string, risky: number): PostureReport => ({
  label,
  rehearsal: false,
  checkedAt: new Date('2026-12-02T08:00:00Z'),
  steps: [
    {
      stepKey: 'telnyx.disable-forwarding',
      title: 'Disable suspicious forwarding',
      planned: risky,
      risky: Array.from({ length: risky }, (_, i) => ({
        resource: `+1555010${i}`,
        summary: `+1555010${i} → +88213999`,
        suspicious: true,
        reasons: ['forwards to a premium-rate prefix'],
      })) as PostureReport['steps'][number]['risky'],
    },
  ],
});

describe('the scheduled posture check in its channel', () => {
  it('when there are connections, then each one’s report is posted in the channel, in order', async () => {
    const { gateway, posts } = recordingGateway();
    await postPostureReports({ gateway }, 'CSEC', [report('telnyx', 1), report('twilio', 0)]);
    expect(posts.map((p) => [p.channel, p.message.text])).toEqual([
      ['CSEC', 'Posture check of telnyx: 1 risky finding'],
      ['CSEC', 'Posture check of twilio: nothing looks risky'],
    ]);
  });

  it('when there is no connection, then it says so; when Slack refuses the post, then it throws (the job is tried again)', async () => {
    const { gateway, posts } = recordingGateway();
    await postPostureReports({ gateway }, 'CSEC', []);
    expect(posts.map((p) => p.message.text)).toEqual([NO_CONNECTION_TO_CHECK]);
    const refused = recordingGateway('not_in_channel');
    await expect(
      postPostureReports({ gateway: refused.gateway }, 'CSEC', [report('telnyx', 1)]),
    ).rejects.toThrow('not_in_channel');
  });
});
