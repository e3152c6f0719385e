// Inputs the server refuses to analyze, with the message the user sees.
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** analysis time per file before it stops and says so */
export const FILE_TIME_BUDGET_MS = 8000;

/** `subject`: what was refused, as the message names it ("this file", "this SQL") */
export function refusal(text: string, maxBytes: number, subject = 'this file'): string | undefined {
  if (text.length > maxBytes) {
    const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
    return `Lockstep did not analyze ${subject}: it is ${mb(text.length)} MB, above the ${mb(maxBytes)} MB limit (setting lockstep.maxFileSize).`;
  }
  if (text.indexOf('\u0000') >= 0) {
    return `Lockstep did not analyze ${subject}: it contains NUL bytes, so it looks like binary content rather than SQL.`;
  }
  return undefined;
}
