/** Text from people and providers as one inert line of Markdown in the close report. */

/**
 * Line breaks and other control characters become one space, so a label, a reason or a resource an
 * attacker named cannot start a line of its own (a forged "- Audit chain: verified"); the characters
 * that make links, HTML, code and tables are escaped, so it cannot become one either.
 */
export function reportText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: folding control characters is the point
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return oneLine.replace(/[\\`*[\]<>|#!]/g, (c) => `\\${c}`);
}
