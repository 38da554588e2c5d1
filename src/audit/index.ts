/** audit: the tamper-evident audit log: append (hash chain), anchors, verify, export. */
export * from './anchors.js';
export * from './append-audit.js';
export * from './audit-entry.js';
export * from './audit-error.js';
export * from './export-audit.js';
export * from './redact-secrets.js';
export * from './verify-chain.js';
