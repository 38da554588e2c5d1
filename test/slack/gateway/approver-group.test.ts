import { describe, expect, it } from 'vitest';
import { approverGroupActors } from '../../../src/slack/gateway/approver-group.js';
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
});
