const ID = 'id-0001';

/**
 * Every method of the client with argument lists that reach every body field and filter it can
 * send. A method missing here fails the conformance test, so a new call cannot skip the spec check.
 */
export const CALLS: Record<string, unknown[][]> = {
  'apiKeys.list': [[]],
  'apiKeys.get': [[ID]],
  'apiKeys.create': [[{ name: 'Production mail (replaced by Reclaim)', scopes: ['mail.send'] }]],
  'apiKeys.update': [[ID, { name: 'Production mail', scopes: ['user.timezone.read'] }]],
  'apiKeys.delete': [[ID]],
  'accessSettings.listActivity': [[], [50]],
  'accessSettings.listAllowed': [[]],
  'accessSettings.addAllowed': [[['203.0.113.7', '198.51.100.0/29']]],
  'accessSettings.removeAllowed': [[1001]],
  'teammates.list': [[]],
  'teammates.listPending': [[]],
  'teammates.delete': [['mailops']],
  'teammates.cancelInvite': [['invite-token-0001']],
  'subusers.list': [[], [{ username: 'acme-tx' }]],
  'subusers.find': [['acme-tx']],
  'subusers.setDisabled': [['acme-tx', true]],
  'eventWebhooks.list': [[]],
  'eventWebhooks.get': [[ID]],
  'eventWebhooks.setEnabled': [[ID, 'https://hooks.example.com/events', false]],
  'parseSettings.list': [[]],
  'parseSettings.delete': [['in.example.com']],
  'emailActivity.search': [['subject="Welcome"'], ['subject="Welcome"', 5]],
  'emailActivity.listWindow': [[new Date('2026-01-30T12:00:00Z'), new Date('2026-03-01T12:00:00Z')]],
  'user.email': [[]],
  'apiKeys.ownScopes': [[]],
  'verifiedSenders.list': [[]],
  'verifiedSenders.delete': [[1234]],
  'authenticatedDomains.list': [[]],
  'authenticatedDomains.delete': [[45]],
  'brandedLinks.list': [[]],
  'brandedLinks.delete': [[46]],
  'mailSettings.forwarding': [['forward_spam'], ['forward_bounce']],
  'mailSettings.setForwarding': [
    ['forward_spam', { enabled: false, email: 'abuse@example.com' }],
    ['forward_bounce', { enabled: false, email: 'bounces@example.com' }],
  ],
  'alerts.list': [[]],
  'alerts.delete': [[48]],
};
