/** domain: Reclaim's nouns and pure rules (incident, step, plan, approval, actor, step machine, approval policy, plan digest, job kinds, providers, errors); imports only util/. */
export * from './actor.js';
export * from './approval-policy.js';
export * from './audit-anchor.js';
export * from './connection.js';
export * from './errors.js';
export * from './job-kinds.js';
export * from './plan-digest.js';
export * from './providers.js';
export * from './step-machine.js';
export * from './team.js';
export * from './text-rules.js';
export * from './types.js';
