import { SlackApiError } from '../../model/slack-api-error.js';

export const MAX_CHANNEL_NAME = 80;

/**
 * Slack's rules for conversations.create names: lowercase letters, digits, `-` and `_`, at most
 * 80 characters, not only punctuation. Throws the error Slack answers for the first rule broken.
 */
export function checkChannelName(name: string | undefined): string {
  if (name === undefined || name.length === 0) throw new SlackApiError('invalid_name_required');
  if (name.length > MAX_CHANNEL_NAME) throw new SlackApiError('invalid_name_maxlength');
  if (!/^[a-z0-9_-]+$/.test(name)) throw new SlackApiError('invalid_name_specials');
  if (/^[-_]+$/.test(name)) throw new SlackApiError('invalid_name_punctuation');
  return name;
}
