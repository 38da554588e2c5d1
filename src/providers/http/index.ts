/** providers/http: the one HTTP client every provider call goes through (limiter, retries, zod, redaction). */
export type { ProviderAuth } from './build-request.js';
export { createProviderHttp, limiterKey, type ProviderHttpOptions } from './create-provider-http.js';
export { isSafeMethod, type RetryReason } from './decide-retry.js';
export type { ProviderObserver } from './observer.js';
export * from './provider-error.js';
export * from './tolerant-records.js';
export type * from './types.js';
