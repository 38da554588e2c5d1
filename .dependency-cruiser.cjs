// The layering of DESIGN.md §2 as rules: entry points (slack/, app/) → use cases (incidents/) →
// playbooks/ → providers/ → rate-limits/, with domain/ under all and sandbox/ beside, reached only from app/.
// `npm run lint` runs it; test/layering.test.ts checks that it cruises every module of src/.
// When a rule refuses an import, move the code; never loosen the rule.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles hide which room a piece of code belongs to.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing would make every other rule blind to it.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'domain-is-the-floor',
      severity: 'error',
      comment: 'domain/ holds the nouns and pure rules: it imports nothing of the project but util/.',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: ['^src/domain/', '^src/util/(?!logger)'] },
    },
    {
      name: 'domain-has-no-packages',
      severity: 'error',
      comment: 'domain/ is plain TypeScript: no database, Slack or HTTP package.',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'] },
    },
    {
      name: 'util-is-leaf',
      severity: 'error',
      comment: 'util/ is under everything, so it imports nothing of the project but itself.',
      from: { path: '^src/util/' },
      to: { path: '^src/', pathNot: '^src/util/' },
    },
    {
      name: 'only-slack-imports-slack-sdk',
      severity: 'error',
      comment: 'Bolt and the Web API belong to the Slack entry point; use cases never see Slack types.',
      from: { path: '^src/', pathNot: '^src/slack/' },
      to: { path: '(^|/)node_modules/@slack/' },
    },
    {
      name: 'slack-edge-reaches-storage-through-use-cases',
      severity: 'error',
      comment: 'slack/ imports use cases (incidents/), domain/, config/, util/ and itself: never storage.',
      from: { path: '^src/slack/' },
      to: {
        path: '^src/',
        pathNot: ['^src/slack/', '^src/incidents/', '^src/domain/', '^src/config/', '^src/util/'],
      },
    },
    {
      name: 'use-cases-below-the-edge',
      severity: 'error',
      comment: 'incidents/ is called by the entry points and the worker; it never calls them back.',
      from: { path: '^src/incidents/' },
      to: { path: '^src/(slack|app|sandbox)/' },
    },
    {
      name: 'playbooks-know-no-storage',
      severity: 'error',
      comment: 'A playbook discovers and executes against a provider client: no database, no use case.',
      from: { path: '^src/playbooks/' },
      to: { path: '^src/(db|incidents|audit|secrets|jobs|slack|app|sandbox|connections)/' },
    },
    {
      name: 'provider-playbooks-apart',
      severity: 'error',
      comment: 'What providers share lives in playbooks/kit/; one provider folder never imports another.',
      from: { path: '^src/playbooks/(telnyx|twilio|sendgrid)/' },
      to: { path: '^src/playbooks/(telnyx|twilio|sendgrid)/', pathNot: '^src/playbooks/$1/' },
    },
    {
      name: 'providers-are-the-bottom',
      severity: 'error',
      comment: 'providers/ are typed HTTP clients: they know no playbook, use case, storage or simulator.',
      from: { path: '^src/providers/' },
      to: { path: '^src/(sandbox|playbooks|incidents|db|audit|secrets|jobs|slack|app)/' },
    },
    {
      name: 'rate-limits-under-providers',
      severity: 'error',
      comment: 'rate-limits/ paces provider requests: it imports only domain/, util/ and itself.',
      from: { path: '^src/rate-limits/' },
      to: { path: '^src/', pathNot: ['^src/rate-limits/', '^src/domain/', '^src/util/'] },
    },
    {
      name: 'rate-limits-for-clients-and-root',
      severity: 'error',
      comment: 'Only the provider clients and the composition root reach the limiter; no playbook or use case.',
      from: { path: '^src/', pathNot: ['^src/rate-limits/', '^src/providers/', '^src/app/'] },
      to: { path: '^src/rate-limits/' },
    },
    {
      name: 'sandbox-only-from-app',
      severity: 'error',
      comment: 'The simulated accounts and Reclaim Local are wired in by the composition root alone.',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/sandbox/'] },
      to: { path: '^src/sandbox/' },
    },
    {
      name: 'storage-knows-no-caller',
      severity: 'error',
      comment: 'db/, audit/, jobs/, secrets/ sit under the use cases and never import them.',
      from: { path: '^src/(db|audit|jobs|secrets)/' },
      to: { path: '^src/(incidents|playbooks|slack|app|sandbox|providers|connections)/' },
    },
    {
      name: 'connections-below-use-cases',
      severity: 'error',
      comment: 'connections/ keeps provider access (sealed, versioned); it is used, it never calls up.',
      from: { path: '^src/connections/' },
      to: { path: '^src/(incidents|playbooks|slack|app|sandbox)/' },
    },
    {
      name: 'one-http-client',
      severity: 'error',
      comment: 'Provider calls go through providers/http; Slack calls through @slack/web-api.',
      from: { path: '^src/', pathNot: ['^src/providers/http/'] },
      to: { path: '(^|/)node_modules/(undici|axios|node-fetch|got|ky)/|^(node:)?https$' },
    },
  ],
  options: {
    // TypeScript 7 has no JS compiler API, so dependency-cruiser parses with swc and resolves the
    // `.js` specifiers of NodeNext to the `.ts` files beside them.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/.*\\.(js|css)$' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
