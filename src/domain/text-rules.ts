/** Rules for free text people type (labels, reasons): what Reclaim refuses before it stores it. */

/** C0 and C1 control characters but tab, line feed and carriage return; PostgreSQL refuses U+0000. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The first control character in `text`, as `U+0000`; null when there is none. */
export function controlCharacterIn(text: string): string | null {
  const match = CONTROL.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}
