/** rate-limits: each provider account's limiter (paced in one process, Bottleneck on Redis across replicas) and its documented rates. */
export { inBackground, isBackground, isUrgent, PRIORITY, urgently } from './background.js';
export { DOCUMENTED_RATES, FALLBACK_RATE_PER_SEC, maxConcurrentFor, rateFor } from './documented-rates.js';
export {
  createLimiterFactory,
  LimiterError,
  type LimiterFactory,
  type LimiterFactoryOptions,
} from './limiter-factory.js';
