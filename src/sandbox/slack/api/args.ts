import { SlackApiError } from '../model/slack-api-error.js';
import type { SlackArgs } from '../model/types.js';

/** Fields @slack/web-api JSON-stringifies before form-encoding; the local API parses them back. */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'files', 'metadata'];

/**
 * Turns a request body into arguments: form-encoded (what @slack/web-api 8 sends) or JSON, with the
 * query string merged under it. Non-scalar fields arrive as JSON strings and are parsed.
 */
export function parseArgs(raw: string, contentType: string, query: URLSearchParams): SlackArgs {
  const args: SlackArgs = Object.fromEntries(query);
  if (contentType.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = raw.length === 0 ? {} : JSON.parse(raw);
    } catch {
      throw new SlackApiError('invalid_json');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new SlackApiError('invalid_json');
    }
    Object.assign(args, parsed);
  } else {
    Object.assign(args, Object.fromEntries(new URLSearchParams(raw)));
  }
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) continue;
    try {
      args[field] = JSON.parse(value);
    } catch {
      throw new SlackApiError(field === 'blocks' ? 'invalid_blocks_format' : 'invalid_arguments');
    }
  }
  return args;
}

/** A string argument, or undefined when absent or empty. */
export function optionalString(args: SlackArgs, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

/** A string argument that must be there; Slack's error for its absence is given by the caller. */
export function requireString(args: SlackArgs, key: string, missing: string): string {
  const value = optionalString(args, key);
  if (value === undefined) throw new SlackApiError(missing);
  return value;
}

/** Slack booleans arrive as `true`/`1` strings from form bodies or as JSON booleans. */
export function flag(args: SlackArgs, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** An array argument (already JSON-parsed), or an empty array when absent. */
export function arrayArg(args: SlackArgs, key: string): unknown[] {
  const value = args[key];
  if (value === undefined || value === null || value === '') return [];
  if (!Array.isArray(value))
    throw new SlackApiError(key === 'blocks' ? 'invalid_blocks_format' : 'invalid_arguments');
  return value;
}

/** An object argument (already JSON-parsed) such as `view`. */
export function objectArg(args: SlackArgs, key: string, missing: string): Record<string, unknown> {
  const value = args[key];
  if (value === undefined || value === null || value === '') throw new SlackApiError(missing);
  if (typeof value !== 'object' || Array.isArray(value)) throw new SlackApiError('invalid_arguments');
  return value as Record<string, unknown>;
}
