// Text from migrations, configs and paths can hold terminal control sequences (ESC[2J clears the
// screen, OSC sets the title, C1 CSI acts like ESC[): every text output shows them as `\x1b`-style
// escapes instead of sending them to the reviewer's terminal. Newline and tab stay as they are.

// C0 except \t and \n, DEL, C1 (ESC is 0x1b, inside C0)
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function visible(text: string): string {
  return text.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
