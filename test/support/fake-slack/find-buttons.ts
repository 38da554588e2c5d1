export { findButtons } from '../../../src/local-slack/model/find-buttons.js';
