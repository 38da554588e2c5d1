/** Who is acting, as Slack knows them: membership of RECLAIM_APPROVER_GROUP, read through the gateway. */
import type { Actor } from '../../domain/actor.js';
import type { Logger } from '../../util/logger.js';
import type { SlackGateway } from './slack-gateway.js';

export const GROUP_TTL_MS = 60_000;
/** How long past its TTL the last list read stands while Slack fails; then nobody is a member. */
export const GROUP_STALE_GRACE_MS = 5 * 60_000;

/** Turns the Slack user behind a click or command into the actor a use case is called with. */
export type ResolveActor = (userId: string) => Promise<Actor>;

/**
 * The approver group's members are read from Slack's usergroups API at most once a minute. When
 * Slack fails, the last list read stands for at most GROUP_STALE_GRACE_MS past its minute; after
 * that (and before the first read) nobody is in the group: a removed approver does not keep the
 * right while Slack is down. Without a group nobody is in it and Slack is not asked.
 */
export function approverGroupActors(
  gateway: Pick<SlackGateway, 'usergroupMembers'>,
  group: string | undefined,
  logger: Logger,
  clock: { now(): number } = Date,
): ResolveActor {
  let cached: { at: number; members: string[] } | null = null;
  const members = async (usergroup: string): Promise<readonly string[]> => {
    const now = clock.now();
    if (cached && now - cached.at < GROUP_TTL_MS) return cached.members;
    try {
      cached = { at: now, members: await gateway.usergroupMembers(usergroup) };
      return cached.members;
    } catch (err) {
      const usable = cached !== null && now - cached.at < GROUP_TTL_MS + GROUP_STALE_GRACE_MS;
      logger.warn(
        { code: (err as { code?: string }).code, usingLastKnown: usable },
        usable
          ? 'approver group members could not be read; using the last known list'
          : 'approver group members could not be read and the last known list is too old; nobody counts as a member',
      );
      return usable && cached ? cached.members : [];
    }
  };
  return async (userId) => {
    if (!group) return { userId, inApproverGroup: false };
    return { userId, inApproverGroup: (await members(group)).includes(userId) };
  };
}
