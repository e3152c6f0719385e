// Decides whether a crashed language server is restarted: yes, unless it crashed too often lately.
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly maxCrashes = 5,
    private readonly windowMs = 3 * 60_000,
  ) {}

  /** Records a crash at `now`; true when the server should be restarted. */
  recordCrash(now: number = Date.now()): boolean {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    return this.crashes.length <= this.maxCrashes;
  }

  /** Forget earlier crashes (after a manual restart). */
  reset(): void {
    this.crashes = [];
  }
}
