import { cardTitled, repliesText } from './cards.js';
import { WAIT_MS } from './drive-incident.js';
import type { World } from './world.js';

/** A credential as its Reveal answer showed it. */
export interface Revealed {
  /** The button's text: `Reveal <label>`. */
  button: string;
  value: string;
}

/** The value in a Reveal answer: the text of its code block. */
function valueIn(reply: string): string | null {
  return /```([^`]+)```/.exec(reply)?.[1] ?? null;
}

/**
 * Clicks every Reveal button the card titled `title` offers as `user`, one after the other (the
 * card offers the next ones as these go), and returns what each private answer showed.
 */
export async function revealEvery(
  world: World,
  channel: string,
  title: string,
  user: string,
): Promise<Revealed[]> {
  const { fs } = world;
  const shown: Revealed[] = [];
  for (;;) {
    const button = cardTitled(fs, channel, title).buttons.find((b) => b.actionId === 'step.reveal');
    if (!button) return shown;
    const result = await fs.click(user, button);
    if (result.status !== 200) throw new Error(`Reveal on "${title}" by ${user} answered ${result.status}`);
    const value = await fs.waitFor(() => valueIn(repliesText(result)), {
      timeoutMs: WAIT_MS,
      description: `the Reveal answer on "${title}" shows a credential`,
    });
    shown.push({ button: button.text, value });
    await fs.waitFor(() => !cardTitled(fs, channel, title).buttons.some((b) => b.value === button.value), {
      timeoutMs: WAIT_MS,
      description: `the card "${title}" drops the revealed credential's button`,
    });
  }
}
