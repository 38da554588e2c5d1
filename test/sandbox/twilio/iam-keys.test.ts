// The Twilio simulator's iam v1 keys: every key, restricted ones too, which the 2010 listing leaves out.
import { describe, expect, it } from 'vitest';
import { call, own, seeded } from './sim-kit.js';

const RESTRICTED = 'SK00000000000000000000000000000abc';

function withRestrictedKey(sim: ReturnType<typeof seeded>): void {
  sim.state.keys.push({
    sid: RESTRICTED,
    friendly_name: 'scoped exporter',
    secret: 'x'.repeat(32),
    date_created: 'Fri, 27 Feb 2026 10:00:00 +0000',
    date_updated: 'Fri, 27 Feb 2026 10:00:00 +0000',
    restricted: true,
    flags: ['restricted'],
  });
}

describe('iam v1 /v1/Keys in the Twilio simulator', () => {
  it('when a restricted key exists, then iam v1 lists it with its flags and the 2010 listing does not', async () => {
    const sim = seeded();
    withRestrictedKey(sim);
    const iam = await call(sim, 'GET', `/v1/Keys?AccountSid=${sim.accountSid}`, undefined, {
      origin: 'https://iam.twilio.com',
    });
    expect(iam.status).toBe(200);
    expect(iam.body.keys.find((k: { sid: string }) => k.sid === RESTRICTED)).toMatchObject({
      flags: ['restricted'],
    });
    expect(iam.body.keys).toHaveLength(sim.state.keys.length);
    expect(iam.body.meta).toMatchObject({ key: 'keys', next_page_url: null });
    const legacy = await call(sim, 'GET', own(sim, '/Keys.json'));
    expect(legacy.body.keys.map((k: { sid: string }) => k.sid)).not.toContain(RESTRICTED);
    expect(JSON.stringify(iam.body)).not.toContain('x'.repeat(32));
  });

  it('when a restricted key is deleted, then the 2010 API does not know it (404) and iam v1 deletes it (204)', async () => {
    const sim = seeded();
    withRestrictedKey(sim);
    expect((await call(sim, 'DELETE', own(sim, `/Keys/${RESTRICTED}.json`))).status).toBe(404);
    const res = await call(sim, 'DELETE', `/v1/Keys/${RESTRICTED}`, undefined, {
      origin: 'https://iam.twilio.com',
    });
    expect(res.status).toBe(204);
    expect(sim.state.keys.some((k) => k.sid === RESTRICTED)).toBe(false);
  });

  it('when iam v1 is called without AccountSid or on the accounts host, then it refuses', async () => {
    const sim = seeded();
    const bare = await call(sim, 'GET', '/v1/Keys', undefined, { origin: 'https://iam.twilio.com' });
    expect(bare.status).toBe(400);
    const wrongHost = await call(sim, 'GET', `/v1/Keys?AccountSid=${sim.accountSid}`);
    expect(wrongHost.status).toBe(404);
  });
});
