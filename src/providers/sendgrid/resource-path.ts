import { SendgridClientError } from './errors.js';

/**
 * `/v3/collection/{id}` (and an optional `/suffix`) with the id percent-encoded. An empty id is
 * refused: SendGrid answers some id-less paths by acting on another resource (a PATCH of
 * `/user/webhooks/event/settings` without an id updates the oldest webhook).
 */
export function resourcePath(collection: string, id: string | number, suffix = ''): string {
  const text = typeof id === 'number' ? String(id) : id;
  if (typeof text !== 'string' || text.trim() === '') {
    throw new SendgridClientError(
      'sendgrid_invalid_id',
      `Refusing to call ${collection}/{id}${suffix} with an empty id.`,
      { details: { collection } },
    );
  }
  return `${collection}/${encodeURIComponent(text)}${suffix}`;
}
