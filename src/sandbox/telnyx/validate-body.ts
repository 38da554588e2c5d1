import { isIP } from 'node:net';
import type { JsonObject } from './account-state.js';
import { type SimResponse, telnyxErrors } from './sim-http.js';

/** A field's JSON type as the spec gives it; a string array is an enum. */
export type FieldType =
  | 'boolean'
  | 'string'
  | 'nullable-string'
  | 'integer'
  | 'nullable-integer'
  | 'nullable-number'
  | 'string-list'
  | 'object'
  | 'decimal-string'
  | 'ip-address'
  | 'e164-or-blank'
  | readonly string[];

export interface BodyRules {
  /** Fields that must be present, not null and not blank (the spec's `required`). */
  required: readonly string[];
  types: Readonly<Record<string, FieldType>>;
}

const DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/;
const E164 = /^\+[1-9][0-9]{1,14}$/;

function describe(type: FieldType): string {
  if (Array.isArray(type)) return `one of ${type.map((t) => `'${t}'`).join(', ')}`;
  const names: Record<string, string> = {
    boolean: 'a boolean',
    string: 'a string',
    'nullable-string': 'a string or null',
    integer: 'an integer',
    'nullable-integer': 'an integer or null',
    'nullable-number': 'a number or null',
    'string-list': 'a list of strings',
    object: 'an object',
    'decimal-string': 'a decimal number as a string, e.g. "100.00"',
    'ip-address': 'an IPv4 or IPv6 address',
    'e164-or-blank': 'a +E.164 phone number or blank',
  };
  return names[type as string] ?? String(type);
}

function matches(value: unknown, type: FieldType): boolean {
  if (Array.isArray(type)) return typeof value === 'string' && type.includes(value);
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'nullable-string':
      return value === null || typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'nullable-integer':
      return value === null || Number.isInteger(value);
    case 'nullable-number':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'string-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object':
      return isObject(value);
    case 'decimal-string':
      return typeof value === 'string' && DECIMAL.test(value);
    case 'ip-address':
      return typeof value === 'string' && isIP(value) !== 0;
    case 'e164-or-blank':
      return typeof value === 'string' && (value === '' || E164.test(value));
  }
  return false;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The first problem with `body` as a 422 (or 400 when it is not an object), or undefined. `prefix`
 * names a nested object (`call_forwarding`) in the error's detail and pointer.
 */
export function validateBody(body: unknown, rules: BodyRules, prefix = ''): SimResponse | undefined {
  if (!isObject(body)) {
    return prefix
      ? telnyxErrors.invalidField(prefix, `${prefix} must be an object.`)
      : telnyxErrors.malformedBody();
  }
  for (const field of rules.required) {
    if (isBlank(body[field])) return telnyxErrors.missingField(`${prefix}${prefix ? '.' : ''}${field}`);
  }
  for (const [field, type] of Object.entries(rules.types)) {
    const value = body[field];
    if (value === undefined || matches(value, type)) continue;
    const name = `${prefix}${prefix ? '.' : ''}${field}`;
    return telnyxErrors.invalidField(name, `${name} must be ${describe(type)}.`);
  }
  return undefined;
}

const USER_NAME = /^[A-Za-z0-9]{4,32}$/;

/**
 * The credential rules of the spec's `UpdateCredentialConnectionRequest`: `user_name` is 4-32
 * letters or digits with a letter among the first 5; `password` is 8-128 characters; user names are
 * unique within the account.
 */
export function validateSipCredentials(
  body: JsonObject,
  others: readonly { id: string; user_name: string }[],
  selfId: string | undefined,
): SimResponse | undefined {
  const userName = body.user_name;
  if (userName !== undefined) {
    if (typeof userName !== 'string' || !USER_NAME.test(userName) || !/[A-Za-z]/.test(userName.slice(0, 5))) {
      return telnyxErrors.invalidField(
        'user_name',
        'user_name must be 4-32 alphanumeric characters, and one of the first 5 must be a letter.',
      );
    }
    if (others.some((c) => c.id !== selfId && c.user_name === userName)) {
      return telnyxErrors.invalidField('user_name', 'user_name has already been taken.');
    }
  }
  const password = body.password;
  if (
    password !== undefined &&
    (typeof password !== 'string' || password.length < 8 || password.length > 128)
  ) {
    return telnyxErrors.invalidField('password', 'password must be 8 to 128 characters long.');
  }
  return undefined;
}
