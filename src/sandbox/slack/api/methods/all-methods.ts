import { chatMethods } from './chat.js';
import { conversationMethods } from './conversations.js';
import { fileMethods } from './files.js';
import type { MethodTable } from './method-context.js';
import { peopleMethods } from './people.js';
import { pinAndViewMethods } from './pins-and-views.js';

/** Every Web API method the local API answers; anything else is `unknown_method`. */
export const ALL_METHODS: MethodTable = {
  ...peopleMethods,
  ...conversationMethods,
  ...chatMethods,
  ...pinAndViewMethods,
  ...fileMethods,
};
