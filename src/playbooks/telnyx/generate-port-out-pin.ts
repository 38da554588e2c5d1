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
