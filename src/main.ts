import './app/small-heap.js';
import { runReclaim } from './app/run-reclaim.js';

// The entry point: everything else lives in run-reclaim.ts so tests can start it in-process.
// Once stopped, nothing is left to do: requests still retrying (an unreachable Slack) must not keep
// the process alive.
process.exit(await runReclaim(process.env));
