// The fake's errors are the local workspace's; FakeSlackUsageError: a test used the fake wrongly (a bug in the test).
export {
  LocalSlackError as FakeSlackUsageError,
  SlackApiError,
} from '../../../src/sandbox/slack/model/slack-api-error.js';
