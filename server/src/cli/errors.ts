// Errors that end the CLI with exit code 2 and a one-line message (no stack trace).
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
