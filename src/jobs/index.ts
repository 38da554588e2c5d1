/** jobs: the PostgreSQL job queue: enqueue, claim (FOR UPDATE SKIP LOCKED), lease, fencing token, worker. */
export * from './create-worker.js';
export * from './fence.js';
export * from './job.js';
export * from './queue.js';
export * from './run-job.js';
