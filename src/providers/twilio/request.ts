import { z } from 'zod';
import type { HttpMethod, HttpRequest, ProviderHttp } from '../http/types.js';

/** A value of a form field: `null` sends the field empty (how Twilio clears a URL). */
export type FormValue = string | number | boolean | null | undefined;

/** The form of a request: undefined values left out, `null` as `''`, the rest as text. */
export function formOf(values: Readonly<Record<string, FormValue>>): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) form[key] = value === null ? '' : String(value);
  }
  return form;
}

export interface TwilioRequest<T> {
  method: HttpMethod;
  path: string;
  operation: string;
  schema: z.ZodType<T>;
  query?: HttpRequest<T>['query'];
  /** PascalCase fields, sent `application/x-www-form-urlencoded`; never logged by the client. */
  form?: Readonly<Record<string, FormValue>>;
}

/** One request; returns the parsed body. */
export async function send<T>(http: ProviderHttp, { form, ...req }: TwilioRequest<T>): Promise<T> {
  return (await http.request({ ...req, ...(form === undefined ? {} : { body: { form: formOf(form) } }) }))
    .data;
}

/** What a `204 No Content` parses as: nothing is read from it. */
export const noContent: z.ZodType<undefined> = z.unknown().transform(() => undefined);

/** `/2010-04-01/Accounts/{AccountSid}`, the prefix of every account resource. */
export function accountPath(accountSid: string): string {
  return `/2010-04-01/Accounts/${accountSid}`;
}
