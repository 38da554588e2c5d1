import './app/small-heap.js';
import { runReclaim } from './app/run-reclaim.js';

// The entry point: everything else lives in run-reclaim.ts so tests can start it in-process.
process.exitCode = await runReclaim(process.env);
