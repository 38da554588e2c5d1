import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type SimulatorOptions, TelnyxSimulator } from './simulator.js';
import { SimulatorError } from './simulator-error.js';

/**
 * Writes the simulated account to `file` (directories made as needed) so a rehearsal survives a
 * restart. The write goes to a temporary file first and is renamed into place, so a crash never
 * leaves half a file. Mode 0600: the fake credentials look like real ones.
 */
export async function saveSimulator(sim: TelnyxSimulator, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(sim.toJSON()), { mode: 0o600 });
  await rename(temporary, file);
}

/** Reads an account `saveSimulator` wrote; a damaged file is `simulator_bad_state`. */
export async function loadSimulator(file: string, options: SimulatorOptions = {}): Promise<TelnyxSimulator> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SimulatorError('simulator_bad_state', `The saved simulator account in ${file} is not JSON.`, {
      cause: err,
    });
  }
  return TelnyxSimulator.fromJSON(json, options);
}
