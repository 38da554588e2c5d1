import { describe, expect, it } from 'vitest';
import {
  approverGroupActors,
  GROUP_STALE_GRACE_MS,
  GROUP_TTL_MS,
} from '../../../src/slack/gateway/approver-group.js';
import { silentLogger } from '../../../src/util/logger.js';

function gatewayWith(members: string[]) {
  const calls: string[] = [];
  return {
    calls,
    gateway: {
      async usergroupMembers(group: string) {
        calls.push(group);
        return members;
      },
    },
  };
}

describe('approver group actors', () => {
  it('when no approver group is configured, then nobody is in it and Slack is not asked', async () => {
    const { gateway, calls } = gatewayWith(['UBOB']);
    const actorOf = approverGroupActors(gateway, undefined, silentLogger());
    expect(await actorOf('UBOB')).toEqual({ userId: 'UBOB', inApproverGroup: false });
    expect(calls).toEqual([]);
  });

  it('when a group is configured, then membership is read from Slack once a minute at most', async () => {
    const { gateway, calls } = gatewayWith(['UBOB']);
    const actorOf = approverGroupActors(gateway, 'SAPPROVERS', silentLogger());
    expect(await actorOf('UBOB')).toEqual({ userId: 'UBOB', inApproverGroup: true });
    expect(await actorOf('UERIN')).toEqual({ userId: 'UERIN', inApproverGroup: false });
    expect(calls).toEqual(['SAPPROVERS']);
  });

  it('when Slack keeps failing, then the last known list stands at most five minutes past its minute, then nobody is a member', async () => {
    let now = 1_000_000;
    let failing = false;
    const gateway = {
      async usergroupMembers() {
        if (failing) throw Object.assign(new Error('slack down'), { code: 'slack_webapi_request_error' });
        return ['UBOB'];
      },
    };
    const actorOf = approverGroupActors(gateway, 'SAPPROVERS', silentLogger(), { now: () => now });
    expect(await actorOf('UBOB')).toEqual({ userId: 'UBOB', inApproverGroup: true });
    failing = true;
    now += GROUP_TTL_MS + GROUP_STALE_GRACE_MS - 1;
    expect(await actorOf('UBOB')).toEqual({ userId: 'UBOB', inApproverGroup: true });
    now += 2;
    expect(await actorOf('UBOB')).toEqual({ userId: 'UBOB', inApproverGroup: false });
    failing = false;
    expect(await actorOf('UBOB')).toEqual({ userId: 'UBOB', inApproverGroup: true });
  });
});
