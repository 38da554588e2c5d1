// A Twilio subaccount added as its own connection from its parent's, through the front door, against
// the Twilio simulator: the token is read by the parent, never typed in Slack, and never echoed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionStore } from '../../src/connections/connection-store.js';
import {
  type ServedTwilioSimulator,
  seedAttackedTwilioAccount,
  serveTwilioSimulator,
  type TwilioSimulator,
} from '../../src/sandbox/twilio/index.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { channelText, repliesText } from './support.js';

let sim: TwilioSimulator;
let served: ServedTwilioSimulator;
let tb: TestBot;
/** Every answer to a command (response_url), for the grep of captured bytes. */
const answers: string[] = [];
/** Tokens the simulated accounts no longer use, grepped for too. */
const retired: string[] = [];

beforeAll(async () => {
  sim = seedAttackedTwilioAccount({ since: new Date(Date.now() - 2 * 86_400_000) });
  served = await serveTwilioSimulator(sim);
  tb = await startTestBot({
    playbooks: 'sandbox',
    env: {
      TWILIO_ACCOUNT_SID: sim.accountSid,
      TWILIO_AUTH_TOKEN: sim.authToken,
      TWILIO_API_URL: served.url,
      TWILIO_RATE_PER_SEC: '50',
    },
  });
}, 60_000);

afterAll(async () => {
  await tb?.stop();
  await served?.close();
});

const storeOf = (): ConnectionStore => {
  const store = tb.bot.engine.deps.connections;
  if (!store) throw new Error('the engine has no connection store');
  return store;
};
const subaccount = (name: string) => {
  const found = sim.state.subaccounts.find((a) => a.friendly_name === name);
  if (!found) throw new Error(`the seed has no subaccount ${name}`);
  return found;
};

/** `/compromise <text>` from #general by `user`; resolves with what they were told once it says `expected`. */
async function say(user: string, text: string, expected: string): Promise<string> {
  const result = await tb.fs.command(user, '/compromise', text, { channelId: 'CGENERAL' });
  await tb.fs
    .waitFor(() => repliesText(result).includes(expected), { timeoutMs: 15_000 })
    .catch(() => {
      throw new Error(`/compromise ${text} was answered “${repliesText(result)}”, not “${expected}”`);
    });
  const told = repliesText(result);
  answers.push(told);
  return told;
}

describe('Slack front door: a Twilio subaccount connected from its parent’s connection', () => {
  it('when an approver names a subaccount of `twilio`, then its token is read through the parent, checked, sealed and listed as its subaccount', async () => {
    const staging = subaccount('Acme staging');
    const told = await say('UBOB', `connect twilio:staging --subaccount ${staging.sid}`, 'is connected');
    expect(told).toContain(`\`twilio:staging\` is connected: subaccount ${staging.sid} of \`twilio\``);

    const added = await storeOf().current('twilio:staging');
    expect(added.connection).toMatchObject({
      label: 'twilio:staging',
      provider: 'twilio',
      accountId: staging.sid,
      parentLabel: 'twilio',
      source: 'slack',
      addedBy: 'UBOB',
      state: 'active',
      version: 1,
    });
    expect(added.connection.lastVerifiedAt).not.toBeNull();
    expect(added.credential).toEqual({
      provider: 'twilio',
      accountSid: staging.sid,
      authToken: staging.auth_token,
    });

    const list = await say('UBOB', 'connections', '`twilio:staging`');
    expect(list).toContain(`\`twilio:staging\` · twilio · account ${staging.sid}, subaccount of \`twilio\``);
    expect(list).not.toMatch(/`twilio` · twilio · account [^·]*subaccount/);

    const { rows } = await tb.t.db.query<{ actor: string; payload: unknown }>(
      `SELECT actor, payload FROM audit_log WHERE action = 'connection.added' AND payload->>'label' = 'twilio:staging'`,
    );
    expect(rows).toEqual([
      {
        actor: 'UBOB',
        payload: {
          label: 'twilio:staging',
          provider: 'twilio',
          version: 1,
          source: 'slack',
          subaccount: staging.sid,
          parent: 'twilio',
          parentAccount: sim.accountSid,
        },
      },
    ]);
  });

  it('when the SID is another account’s, the parent’s own, a suspended subaccount’s, or the label or parent is wrong, then each is refused in words and nothing is stored', async () => {
    const other = `AC${'f'.repeat(32)}`;
    expect(await say('UBOB', `connect twilio:other --subaccount ${other}`, 'is not a subaccount')).toContain(
      `\`${other}\` is not a subaccount of \`twilio\`: Twilio shows no such subaccount to it.`,
    );
    await say(
      'UBOB',
      `connect twilio:self --subaccount ${sim.accountSid}`,
      'is not a subaccount of `twilio`',
    );
    const spring = subaccount('Acme spring campaign');
    expect(
      await say('UBOB', `connect twilio:spring --subaccount ${spring.sid}`, 'only an active subaccount'),
    ).toContain(`\`${spring.sid}\` is suspended in Twilio`);
    // Another subaccount under a name already taken: refused (the same one again refreshes it, below).
    const rogue = subaccount('Support Ops');
    await say(
      'UBOB',
      `connect twilio:staging --subaccount ${rogue.sid}`,
      '`twilio:staging` already names a connection',
    );
    const staging = subaccount('Acme staging');
    await say(
      'UBOB',
      `connect twilio:via --subaccount ${staging.sid} --from twilio:nope`,
      'There is no Twilio connection named `twilio:nope`',
    );
    // A malformed SID never reaches Twilio: the usage says what a SID looks like.
    const malformed = await say(
      'UBOB',
      'connect twilio:bad --subaccount AC12',
      'is not a Twilio Account SID',
    );
    expect(malformed).toContain('Usage:');
    for (const label of ['twilio:other', 'twilio:self', 'twilio:spring', 'twilio:via', 'twilio:bad']) {
      expect(await storeOf().find(label)).toBeNull();
    }
  });

  it('when the same subaccount is connected again after its token changed, then the new token is read through the parent and sealed as the next version', async () => {
    const staging = subaccount('Acme staging');
    retired.push(staging.auth_token);
    // As a parent's incident does (twilio.rotate-subaccount-tokens): the token the connection holds is retired.
    staging.auth_token = `${'c0ffee'.repeat(5)}42`;
    const told = await say('UBOB', `connect twilio:staging --subaccount ${staging.sid}`, 'is connected');
    expect(told).toContain('(version 2)');
    expect((await storeOf().current('twilio:staging')).credential).toMatchObject({
      authToken: staging.auth_token,
    });
    expect((await storeOf().held('twilio:staging')).map((h) => h.version)).toEqual([2, 1]);
    const { rows } = await tb.t.db.query<{ payload: unknown }>(
      `SELECT payload FROM audit_log WHERE action = 'connection.rotated' AND payload->>'label' = 'twilio:staging'`,
    );
    expect(rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ version: 2, subaccount: staging.sid, parent: 'twilio' }),
    ]);
  });

  it('when someone who is not an approver asks, then nothing is read or stored', async () => {
    const before = sim.stats.routeCount('GET /2010-04-01/Accounts/{Sid}.json');
    const staging = subaccount('Acme staging');
    await say('UALICE', `connect twilio:mine --subaccount ${staging.sid}`, 'Only approvers');
    expect(await storeOf().find('twilio:mine')).toBeNull();
    expect(sim.stats.routeCount('GET /2010-04-01/Accounts/{Sid}.json')).toBe(before);
  });

  it('when an incident is started on the subaccount’s connection, then it reads the subaccount, not its parent', async () => {
    const staging = subaccount('Acme staging');
    const own = sim.state.identity.subaccounts[staging.sid]!;
    const result = await tb.fs.command('UALICE', '/compromise', 'start twilio:staging acme', {
      channelId: 'CGENERAL',
    });
    const channel = await tb.fs.waitFor(() => tb.fs.channels.find((c) => c.name.endsWith('acme')), {
      timeoutMs: 30_000,
    });
    const subKey = own.keys.find((k) => k.friendly_name === 'staging-ci')!.sid;
    await tb.fs.waitFor(() => channelText(tb, channel.id).includes(subKey), { timeoutMs: 60_000 });
    const text = channelText(tb, channel.id);
    expect(text).toContain('Through `twilio:staging`');
    for (const parentKey of sim.state.keys) expect(text).not.toContain(parentKey.sid);
    const { rows } = await tb.t.db.query<{ connections: string[] }>(
      `SELECT connections FROM incidents WHERE label = 'acme'`,
    );
    expect(rows[0]?.connections).toEqual(['twilio:staging']);
    answers.push(repliesText(result));
  }, 120_000);

  it('then no Auth Token, the parent’s or a subaccount’s, is in any Slack call, answer, log line or audit row', async () => {
    const { rows } = await tb.t.db.query('SELECT * FROM audit_log ORDER BY seq');
    const captured = [
      JSON.stringify(tb.fs.calls.map((c) => c.args)),
      answers.join('\n'),
      tb.logs(),
      JSON.stringify(rows),
    ].join('\n');
    expect(captured).toContain(subaccount('Acme staging').sid);
    const tokens = [
      sim.state.account.auth_token,
      ...sim.state.subaccounts.map((a) => a.auth_token),
      ...retired,
    ];
    expect(retired).toHaveLength(1);
    for (const token of tokens) expect(captured).not.toContain(token);
    const stored = await tb.t.db.query('SELECT * FROM connection_credentials');
    for (const token of tokens) expect(JSON.stringify(stored.rows)).not.toContain(token);
  });

  it('when the parent connection is removed, then the subaccount’s stays (it holds its own token), no longer listed as a subaccount', async () => {
    await say('UBOB', 'disconnect twilio', '`twilio` is disconnected');
    expect(await storeOf().find('twilio:staging')).toMatchObject({ parentLabel: null, state: 'active' });
    const list = await say('UBOB', 'connections', '`twilio:staging`');
    expect(list).not.toContain('subaccount of');
  });
});
