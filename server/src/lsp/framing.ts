// A check of the LSP base protocol's framing on stdin, ahead of vscode-jsonrpc's reader: a header
// without a usable Content-Length makes that reader report an error and wait forever (or, for a
// huge length, buffer forever), which leaves a server that never answers nor exits. The server
// logs what it got on stderr and exits non-zero instead, so the client restarts it.

/** the largest message body accepted (a document at a large lockstep.maxFileSize, JSON-escaped) */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** the longest header section accepted before its blank line */
const MAX_HEADER_BYTES = 8 * 1024;
const TERMINATOR = Buffer.from('\r\n\r\n', 'latin1');

export class FramingGuard {
  private header: Buffer = Buffer.alloc(0);
  /** bytes of the current body still to come; 0 while reading a header */
  private remaining = 0;

  /** follows one chunk of the stream; the description of the first framing error, if any */
  push(chunk: Buffer): string | undefined {
    let rest = chunk;
    while (rest.length > 0) {
      if (this.remaining > 0) {
        const taken = Math.min(this.remaining, rest.length);
        this.remaining -= taken;
        rest = rest.subarray(taken);
        continue;
      }
      const searchFrom = Math.max(0, this.header.length - (TERMINATOR.length - 1));
      this.header = Buffer.concat([this.header, rest]);
      const end = this.header.indexOf(TERMINATOR, searchFrom);
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES) return `no end of the message header after ${MAX_HEADER_BYTES} bytes`;
        return undefined;
      }
      const length = contentLength(this.header.subarray(0, end).toString('latin1'));
      if (typeof length === 'string') return length;
      rest = this.header.subarray(end + TERMINATOR.length);
      this.header = Buffer.alloc(0);
      this.remaining = length;
    }
    return undefined;
  }
}

/** the body length a header section announces, or why it is unusable */
function contentLength(header: string): number | string {
  let value: string | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `malformed message header line ${JSON.stringify(line.slice(0, 200))}`;
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length') value = line.slice(colon + 1).trim();
  }
  if (value === undefined) return `message header without Content-Length: ${JSON.stringify(header.slice(0, 200))}`;
  if (!/^\d{1,12}$/.test(value)) return `Content-Length is not a byte count: ${JSON.stringify(value.slice(0, 200))}`;
  const length = Number(value);
  if (length > MAX_MESSAGE_BYTES) return `Content-Length ${length} is above the ${MAX_MESSAGE_BYTES}-byte limit`;
  return length;
}
