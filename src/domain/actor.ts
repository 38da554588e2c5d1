/** Who acts, as the front door knows them, and who the approvers are for that person. */

/**
 * The person behind a click or a command. The front door resolves the approver-group membership
 * (RECLAIM_APPROVER_GROUP lives in Slack) before it calls a use case; absent means not a member.
 */
export interface Actor {
  userId: string;
  inApproverGroup?: boolean;
}

/** How approvers are configured: RECLAIM_APPROVERS, and whether RECLAIM_APPROVER_GROUP is set. */
export interface ApproverSettings {
  approvers: readonly string[];
  hasApproverGroup: boolean;
}

/** Whether anybody at all can approve: some approver or an approver group is configured. */
export function approversConfigured(settings: ApproverSettings): boolean {
  return settings.approvers.length > 0 || settings.hasApproverGroup;
}

/**
 * The approvers as the policy sees them for this actor: RECLAIM_APPROVERS, plus the actor when the
 * front door found them in the approver group; and whether any approver is configured at all.
 */
export function approverAuthority(
  settings: ApproverSettings,
  actor: Actor,
): { approvers: ReadonlySet<string>; anyApprover: boolean } {
  const approvers = new Set(settings.approvers);
  if (actor.inApproverGroup === true) approvers.add(actor.userId);
  return { approvers, anyApprover: approversConfigured(settings) };
}
