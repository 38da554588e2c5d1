/** config: the zod schema over the environment; the one place that reads env. */
export * from './config.js';
export * from './env-schema.js';
export * from './local-mode.js';
