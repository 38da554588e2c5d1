export { validateBlocks } from '../../../src/sandbox/slack/api/validate-blocks.js';
