/** providers/http: the one HTTP client every provider call goes through (limiter, retries, zod, redaction). */
export type { ProviderAuth } from './build-request.js';
export { createProviderHttp, limiterKey, type ProviderHttpOptions } from './create-provider-http.js';
export { isSafeMethod, type RetryReason } from './decide-retry.js';
export type { ProviderObserver } from './observer.js';
export {
  ProviderError,
  type ProviderErrorCode,
  type ProviderErrorFields,
  providerDisplayName,
} from './provider-error.js';
export {
  type Listing,
  listingHas,
  type RecordsContext,
  recordsOf,
  type UnreadableRecord,
  withRequestedId,
} from './tolerant-records.js';
export type { FetchLike, HttpMethod, HttpRequest, HttpResponse, ProviderHttp } from './types.js';
