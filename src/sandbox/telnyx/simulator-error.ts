import { ReclaimError } from '../../domain/errors.js';

/**
 * What the simulator itself raises: `simulator_bad_options` (a seed or limit that cannot be
 * built), `simulator_bad_state` (a saved account that does not parse), `simulator_request_released`
 * (a hanging request let go because the server closed).
 */
export class SimulatorError extends ReclaimError {}
