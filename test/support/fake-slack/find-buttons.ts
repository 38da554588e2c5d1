export { findButtons } from '../../../src/sandbox/slack/model/find-buttons.js';
