import { TelnyxClientError } from './errors.js';

/**
 * `/collection/{id}` (and an optional `/suffix`) with the id percent-encoded. An empty id is
 * refused: it would silently address the collection instead of one resource.
 */
export function resourcePath(collection: string, id: string, suffix = ''): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new TelnyxClientError(
      'telnyx_invalid_id',
      `Refusing to call ${collection}/{id}${suffix} with an empty id.`,
      {
        details: { collection },
      },
    );
  }
  return `${collection}/${encodeURIComponent(id)}${suffix}`;
}
