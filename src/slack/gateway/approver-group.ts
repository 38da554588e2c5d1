/** Who is acting, as Slack knows them: membership of RECLAIM_APPROVER_GROUP, read through the gateway. */
import type { Actor } from '../../domain/actor.js';
import type { Logger } from '../../util/logger.js';
import type { SlackGateway } from './slack-gateway.js';

const GROUP_TTL_MS = 60_000;

/** Turns the Slack user behind a click or command into the actor a use case is called with. */
export type ResolveActor = (userId: string) => Promise<Actor>;

/**
 * The approver group's members are read from Slack's usergroups API at most once a minute; when
 * Slack fails, the last list read stands (none before the first). Without a group nobody is in it
 * and Slack is not asked.
 */
export function approverGroupActors(
  gateway: Pick<SlackGateway, 'usergroupMembers'>,
  group: string | undefined,
  logger: Logger,
): ResolveActor {
  let cached: { at: number; members: string[] } | null = null;
  const members = async (usergroup: string): Promise<readonly string[]> => {
    if (cached && Date.now() - cached.at < GROUP_TTL_MS) return cached.members;
    try {
      cached = { at: Date.now(), members: await gateway.usergroupMembers(usergroup) };
    } catch (err) {
      logger.warn(
        { code: (err as { code?: string }).code },
        'approver group members could not be read; using the last known list',
      );
    }
    return cached?.members ?? [];
  };
  return async (userId) => {
    if (!group) return { userId, inApproverGroup: false };
    return { userId, inApproverGroup: (await members(group)).includes(userId) };
  };
}
