import { describe, expect, it } from 'vitest';
import {
  isOnConfiguredTeam,
  mayOpenRealIncident,
  type TeamSettings,
  teamConfigured,
} from '../../src/domain/team.js';

const team = (t: Partial<TeamSettings>): TeamSettings => ({
  approvers: [],
  hasApproverGroup: false,
  responders: [],
  ...t,
});

describe('who may open a real incident', () => {
  it.each([
    ['when no team is configured, then nobody may (fail closed)', team({}), { userId: 'UANY' }, false],
    [
      'when no team is configured, then not even a claimed group member may',
      team({}),
      { userId: 'UANY', inApproverGroup: true },
      false,
    ],
    ['when a listed approver asks, then he may', team({ approvers: ['UBOB'] }), { userId: 'UBOB' }, true],
    [
      'when a listed responder asks, then she may',
      team({ responders: ['UALICE'] }),
      { userId: 'UALICE' },
      true,
    ],
    [
      'when someone not listed asks, then she may not',
      team({ approvers: ['UBOB'], responders: ['UALICE'] }),
      { userId: 'UERIN' },
      false,
    ],
    [
      'when an approver-group member asks, then she may',
      team({ hasApproverGroup: true }),
      { userId: 'UCAROL', inApproverGroup: true },
      true,
    ],
    [
      'when the approver-group lookup found nobody, then a member may not',
      team({ hasApproverGroup: true }),
      { userId: 'UCAROL', inApproverGroup: false },
      false,
    ],
  ])('%s', (_label, settings, actor, allowed) => {
    expect(mayOpenRealIncident(settings, actor)).toBe(allowed);
    expect(isOnConfiguredTeam(settings, actor)).toBe(allowed);
  });

  it.each([
    [team({}), false],
    [team({ approvers: ['UBOB'] }), true],
    [team({ responders: ['UALICE'] }), true],
    [team({ hasApproverGroup: true }), true],
  ])('when the team is %j, then teamConfigured is %s', (settings, configured) => {
    expect(teamConfigured(settings)).toBe(configured);
  });
});
