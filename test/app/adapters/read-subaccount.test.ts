import { describe, expect, it } from 'vitest';
import { subaccountReader } from '../../../src/app/adapters/read-subaccount.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLimiterFactory } from '../../../src/rate-limits/index.js';
import { seedAttackedTwilioAccount, twilioSimulatorFetch } from '../../../src/sandbox/twilio/index.js';
import { silentLogger } from '../../../src/util/logger.js';

const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });

function reader() {
  const sim = seedAttackedTwilioAccount({ since: new Date(Date.now() - 86_400_000) });
  const logger = silentLogger();
  const read = subaccountReader(config, logger, createLimiterFactory({ logger }), twilioSimulatorFetch(sim));
  const parent = { provider: 'twilio' as const, accountSid: sim.accountSid, authToken: sim.authToken };
  const named = (name: string) => sim.state.subaccounts.find((a) => a.friendly_name === name)!;
  return { sim, read, parent, named };
}

describe('reading a Twilio subaccount through its parent', () => {
  it('when the parent reads one of its subaccounts, then owner and status come first and the Auth Token only when asked', async () => {
    const { sim, read, parent, named } = reader();
    const staging = named('Acme staging');
    const found = await read('twilio', parent, staging.sid);
    expect(found).toMatchObject({ found: true, ownerSid: sim.accountSid, status: 'active' });
    expect(sim.stats.routeCount('GET /2010-04-01/Accounts/{Sid}.json')).toBe(1);
    expect(found.found && (await found.authToken())).toBe(staging.auth_token);
    expect(await read('twilio', parent, named('Acme spring campaign').sid)).toMatchObject({
      found: true,
      status: 'suspended',
    });
  });

  it('when the SID is no subaccount of the parent, then it is not found; when the parent’s token is refused, then Twilio’s words say so', async () => {
    const { read, parent, named } = reader();
    expect(await read('twilio', parent, `AC${'e'.repeat(32)}`)).toEqual({ found: false, refused: null });
    const refused = await read(
      'twilio:parent',
      { ...parent, authToken: 'f'.repeat(32) },
      named('Acme staging').sid,
    );
    expect(refused).toMatchObject({ found: false });
    expect(!refused.found && refused.refused).toMatch(/^twilio refused twilio:parent's credential \(401\)/);
  });
});
