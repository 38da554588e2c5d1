import type { FoundButton, MessageView } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function toButton(message: MessageView, blockId: string, el: unknown): FoundButton[] {
  if (!isObj(el) || el.type !== 'button' || typeof el.action_id !== 'string') return [];
  const text = isObj(el.text) && typeof el.text.text === 'string' ? el.text.text : '';
  const style = el.style === 'primary' || el.style === 'danger' ? el.style : undefined;
  return [
    {
      channel: message.channel,
      messageTs: message.ts,
      blockId,
      actionId: el.action_id,
      value: typeof el.value === 'string' ? el.value : undefined,
      text,
      style,
      confirm: isObj(el.confirm) ? el.confirm : undefined,
    },
  ];
}

/**
 * The buttons a user sees on the latest version of each message, in order: buttons in `actions`
 * blocks and button accessories of `section` blocks.
 */
export function findButtons(messages: MessageView[], predicate: (b: FoundButton) => boolean = () => true) {
  const found: FoundButton[] = [];
  for (const message of messages) {
    for (const block of message.blocks) {
      if (!isObj(block)) continue;
      const blockId = typeof block.block_id === 'string' ? block.block_id : '';
      if (block.type === 'actions' && Array.isArray(block.elements)) {
        for (const el of block.elements) found.push(...toButton(message, blockId, el));
      }
      if (block.type === 'section') found.push(...toButton(message, blockId, block.accessory));
    }
  }
  return found.filter(predicate);
}
