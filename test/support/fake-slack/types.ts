// The fake's types are the local workspace's (src/sandbox/slack), under the names the tests know.
export type {
  CallRecord,
  EphemeralMessage,
  FoundButton,
  LocalChannel as FakeChannel,
  LocalUser as FakeUser,
  MessageContent,
  MessageVersion,
  MessageView,
  OpenedView,
  PinRecord,
  ResponseRecord,
  SlackArgs,
  SlackResult,
  StoredFile,
  StoredMessage,
} from '../../../src/sandbox/slack/model/types.js';
