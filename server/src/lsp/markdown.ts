// Identifiers and messages in hover Markdown come from the migration text: a backtick in a quoted
// identifier could close a code span, and `![x](https://…)` would make the editor fetch an image.

/** an inline code span that nothing inside can close: the fence is longer than any backtick run */
export function codeSpan(text: string): string {
  const flat = oneLine(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // a space keeps a leading/trailing backtick out of the fence (CommonMark strips one each side)
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** plain text: every ASCII punctuation character that Markdown (or inline HTML) acts on, escaped */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

// a line break could end the list item or paragraph and start new Markdown blocks
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
