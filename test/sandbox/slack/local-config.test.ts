import { describe, expect, it } from 'vitest';
import { LOCAL_PACE, localSlackConfig } from '../../../src/app/start-local.js';
import { loadConfig } from '../../../src/config/config.js';

const LOCAL = {
  botToken: 'xoxb-local-1',
  signingSecret: 's',
  apiUrl: 'http://127.0.0.1:3000/api/',
  pace: LOCAL_PACE,
};

describe('localSlackConfig: the Slack front door’s configuration in local mode', () => {
  it.each([
    ['nothing set', {}, 2],
    [
      'a real workspace’s team set',
      { RECLAIM_APPROVERS: 'U0REAL1', RECLAIM_RESPONDERS: 'U0REAL2', RECLAIM_APPROVER_GROUP: 'S0GROUP' },
      2,
    ],
    ['three approvals asked for high-risk steps', { RECLAIM_HIGH_RISK_APPROVALS: '3' }, 2],
    ['one approval asked for high-risk steps', { RECLAIM_HIGH_RISK_APPROVALS: '1' }, 1],
  ])(
    'when %s, then the bot talks to the console, listens inside, and the three local people are the team',
    (_name, env, approvals) => {
      const config = localSlackConfig(loadConfig({ DATA_DIR: '/tmp/x', ...env }), LOCAL);
      expect(config.mode).toBe('local');
      expect(config.slack).toMatchObject({
        botToken: 'xoxb-local-1',
        signingSecret: 's',
        apiUrl: LOCAL.apiUrl,
        socketMode: false,
        appToken: undefined,
      });
      expect({ host: config.host, port: config.port }).toEqual({ host: '127.0.0.1', port: 0 });
      expect(config.approvers).toEqual(['ULOCALAPP1', 'ULOCALAPP2']);
      expect(config.approverGroup).toBeUndefined();
      expect(config.responders).toEqual(['ULOCALREQ', 'ULOCALAPP1', 'ULOCALAPP2']);
      expect(config.highRiskApprovals).toBe(approvals);
    },
  );

  it('when real Slack is configured, then loadConfig says slack and the console is not what runs', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-real', SLACK_SIGNING_SECRET: 'x' });
    expect(config.mode).toBe('slack');
    expect(config.host).toBe('0.0.0.0');
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });
});
