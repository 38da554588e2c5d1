import { describe, it } from 'vitest';
import { runFullTelnyxIncident } from './support/full-telnyx-incident.js';
import { startedWorld } from './support/world.js';

describe('a full Telnyx incident, the bot running as its own process', () => {
  it('when a responder runs the whole playbook and closes, then the account holds no trace of the attacker, every write happened once, the audit chain verifies and no secret leaked', async ({
    onTestFinished,
  }) => {
    await runFullTelnyxIncident(await startedWorld(onTestFinished));
  }, 240_000);
});
