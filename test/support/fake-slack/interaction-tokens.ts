export {
  RESPONSE_URL_MAX_USES,
  RESPONSE_URL_TTL_MS,
  type ResponseTarget,
  ResponseUrlBook,
  TRIGGER_TTL_MS,
  TriggerBook,
} from '../../../src/sandbox/slack/api/interaction-tokens.js';
