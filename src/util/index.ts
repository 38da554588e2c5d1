/** util: small pure helpers under everything (hashing, canonical JSON, backoff, a pool) and the logger. */
export * from './backoff.js';
export * from './canonical-json.js';
export * from './hash.js';
export * from './in-pool.js';
export * from './is-uuid.js';
export * from './logger.js';
export * from './project-root.js';
