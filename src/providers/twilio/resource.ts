import type { z } from 'zod';
import { withRequestedId } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { type FormValue, noContent, send } from './request.js';
import { checkedSid, type SidPrefix } from './sid.js';

type Verb = 'list' | 'fetch' | 'update' | 'delete';

export interface ResourceSpec<T> {
  /** The collection's path without `.json`; a function of the operation when it holds a SID to check. */
  base: string | ((operation: string) => string);
  /** On a v1 host: no `.json` in the paths, and the listings page by `meta` (see `ListAllRequest`). */
  v1?: boolean;
  /** The listing's array key. */
  key: string;
  item: z.ZodType<T>;
  /** Of the records' SIDs, checked before any request names one. */
  prefix: SidPrefix;
  /** Names the operations for errors and logs (`list <noun>s`, `fetch <noun>`…), unless `operations` does. */
  noun: string;
  operations?: Partial<Record<Verb, string>>;
  /** The listing's fixed filters. */
  query?: Record<string, string | undefined>;
}

/** One collection's listing (every page), and the fetch, update and delete (204) of one record by SID. */
export function resource<T>(http: ProviderHttp, spec: ResourceSpec<T>) {
  const ext = spec.v1 ? '' : '.json';
  const op = (verb: Verb) =>
    spec.operations?.[verb] ?? (verb === 'list' ? `list ${spec.noun}s` : `${verb} ${spec.noun}`);
  const base = (operation: string) => (typeof spec.base === 'string' ? spec.base : spec.base(operation));
  const one = (verb: Verb, sid: string) => ({
    path: `${base(op(verb))}/${checkedSid(spec.prefix, sid, op(verb))}${ext}`,
    operation: op(verb),
  });
  return {
    list: async () =>
      listAll(http, {
        path: `${base(op('list'))}${ext}`,
        key: spec.key,
        item: spec.item,
        operation: op('list'),
        query: spec.query,
        v1: spec.v1,
      }),
    fetch: async (sid: string) =>
      send(http, { method: 'GET', ...one('fetch', sid), schema: withRequestedId(spec.item, 'sid', sid) }),
    update: async (sid: string, form: Readonly<Record<string, FormValue>>) =>
      send(http, {
        method: 'POST',
        ...one('update', sid),
        schema: withRequestedId(spec.item, 'sid', sid),
        form,
      }),
    delete: async (sid: string) => send(http, { method: 'DELETE', ...one('delete', sid), schema: noContent }),
  };
}

/** The URL fields `F` names, by their spec names; null clears one. */
export type UrlsOf<F extends readonly string[]> = { [K in F[number]]?: string | null };

/** A collection whose records' URLs are updated: `updateUrls` sends the `fields` that `urls` sets. */
export function urlResource<T, const F extends readonly string[]>(
  http: ProviderHttp,
  { fields, ...spec }: ResourceSpec<T> & { fields: F },
) {
  const { list, fetch, update } = resource(http, spec);
  return {
    list,
    fetch,
    updateUrls: async (sid: string, urls: UrlsOf<F>) => {
      const given: Record<string, FormValue> = { ...urls };
      const form = Object.fromEntries(fields.filter((f) => given[f] !== undefined).map((f) => [f, given[f]]));
      return update(sid, form);
    },
  };
}
