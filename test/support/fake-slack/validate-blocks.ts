export { validateBlocks } from '../../../src/local-slack/api/validate-blocks.js';
