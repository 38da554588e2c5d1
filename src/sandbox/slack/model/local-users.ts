import type { LocalUser } from './types.js';

/** The person who opens incidents in Reclaim Local (a responder, not an approver). */
export const LOCAL_REQUESTER: LocalUser = {
  id: 'ULOCALREQ',
  name: 'riley',
  realName: 'Riley (requester)',
  isBot: false,
};

/** The two people who may approve in Reclaim Local, so a high-risk step can get its two approvals. */
export const LOCAL_APPROVERS: readonly LocalUser[] = [
  { id: 'ULOCALAPP1', name: 'avery', realName: 'Avery (approver)', isBot: false },
  { id: 'ULOCALAPP2', name: 'sam', realName: 'Sam (approver)', isBot: false },
];

/** Everyone in the local workspace, in the order the user switcher lists them. */
export const LOCAL_PEOPLE: readonly LocalUser[] = [LOCAL_REQUESTER, ...LOCAL_APPROVERS];

/** The team of the local workspace as Slack would name it. */
export const LOCAL_TEAM = {
  teamId: 'TLOCAL',
  teamName: 'Reclaim Local',
  teamDomain: 'reclaim-local',
  appId: 'ALOCALRECLAIM',
  botUserId: 'ULOCALBOT',
  botId: 'BLOCALBOT',
} as const;
