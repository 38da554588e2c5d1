import { randomInt } from 'node:crypto';

/** Digits of a generated port-out PIN: numeric, the form every carrier's port request accepts. */
export const PORT_OUT_PIN_LENGTH = 8;

/**
 * A fresh port-out PIN (`external_pin`): `PORT_OUT_PIN_LENGTH` digits drawn with crypto.randomInt,
 * the first never 0 (a form that drops leading zeros would change it). The spec gives the field no
 * pattern or length; eight digits are inside what carriers ask for.
 */
export function generatePortOutPin(): string {
  let pin = String(randomInt(1, 10));
  while (pin.length < PORT_OUT_PIN_LENGTH) pin += String(randomInt(0, 10));
  return pin;
}

/**
 * The port-out PIN of an action's seed (`ExecuteOptions.seed`): the same form as
 * `generatePortOutPin`, the same on every attempt of that action. The seed's 256 bits read as one
 * number, taken modulo the 9 × 10^7 PINs of that form (a bias below 10^-60).
 */
export function portOutPinFrom(seed: Uint8Array): string {
  const span = 9n * 10n ** BigInt(PORT_OUT_PIN_LENGTH - 1);
  const n = BigInt(`0x${Buffer.from(seed).toString('hex')}`);
  return String(10n ** BigInt(PORT_OUT_PIN_LENGTH - 1) + (n % span));
}

/** The action's PIN when the engine gave a seed, else a fresh one. */
export function portOutPinFor(seed: Uint8Array | undefined): string {
  return seed && seed.length >= 16 ? portOutPinFrom(seed) : generatePortOutPin();
}
