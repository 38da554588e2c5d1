import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SimulatorError } from '../telnyx/simulator-error.js';
import { SendgridSimulator, type SendgridSimulatorOptions } from './simulator.js';

/**
 * Writes the simulated account to `file` (directories made as needed) so a rehearsal survives a
 * restart: to a temporary file first, renamed into place, mode 0600 (the fake keys look real).
 */
export async function saveSendgridSimulator(sim: SendgridSimulator, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(sim.toJSON()), { mode: 0o600 });
  await rename(temporary, file);
}

/** Reads an account `saveSendgridSimulator` wrote; a damaged file is `simulator_bad_state`. */
export async function loadSendgridSimulator(
  file: string,
  options: SendgridSimulatorOptions = {},
): Promise<SendgridSimulator> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SimulatorError('simulator_bad_state', `The saved SendGrid account in ${file} is not JSON.`, {
      cause: err,
    });
  }
  return SendgridSimulator.fromJSON(json, options);
}
