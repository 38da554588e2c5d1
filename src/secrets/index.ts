/** secrets: generated credentials sealed with AES-256-GCM, revealed once, then wiped. */
export * from './action-seed.js';
export * from './aes-gcm.js';
export * from './list-sealed-secrets.js';
export * from './load-or-create-local-key.js';
export * from './reveal.js';
export * from './reveal-claim.js';
export * from './seal.js';
export * from './wipe-unrevealed.js';
