import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SimulatorError } from '../telnyx/simulator-error.js';
import { TwilioSimulator, type TwilioSimulatorOptions } from './simulator.js';

/**
 * Writes the simulated account to `file` (directories made as needed) so a rehearsal survives a
 * restart: to a temporary file first, renamed into place, so a crash never leaves half a file.
 * Mode 0600: the fake tokens look like real ones.
 */
export async function saveTwilioSimulator(sim: TwilioSimulator, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(sim.toJSON()), { mode: 0o600 });
  await rename(temporary, file);
}

/** Reads an account `saveTwilioSimulator` wrote; a damaged file is `simulator_bad_state`. */
export async function loadTwilioSimulator(
  file: string,
  options: TwilioSimulatorOptions = {},
): Promise<TwilioSimulator> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SimulatorError(
      'simulator_bad_state',
      `The saved Twilio simulator account in ${file} is not JSON.`,
      {
        cause: err,
      },
    );
  }
  return TwilioSimulator.fromJSON(json, options);
}
