// A catalog table map that records which tables the engine reads or writes, so a statement's
// cached results can be reused exactly when the tables it looked at are unchanged.
import type { TableDef } from '../types';

export interface AccessLog {
  tables: Set<string>;
  /** the whole catalog was enumerated */
  all: boolean;
  /** each table's definition when it was first accessed, when asked for (`newAccessLog(true)`) */
  before?: Map<string, TableDef | undefined>;
}

export function newAccessLog(withBefore = false): AccessLog {
  return withBefore ? { tables: new Set(), all: false, before: new Map() } : { tables: new Set(), all: false };
}

export class TrackedTables extends Map<string, TableDef> {
  private log: AccessLog | undefined;
  private hook: ((table: string | undefined) => void) | undefined;

  /** runs before every access (undefined: the whole map), e.g. to bring that table up to date */
  onAccess(hook: (table: string | undefined) => void): void {
    this.hook = hook;
  }

  /** start recording into `log` (undefined stops recording); returns the log recorded into until now */
  record(log: AccessLog | undefined): AccessLog | undefined {
    const previous = this.log;
    this.log = log;
    return previous;
  }

  private note(key: string): void {
    const log = this.log;
    if (!log) return;
    log.tables.add(key);
    if (log.before && !log.before.has(key)) log.before.set(key, super.get(key));
  }

  /** the table's definition without running the hook or recording the access */
  peek(key: string): TableDef | undefined {
    return super.get(key);
  }

  override get(key: string): TableDef | undefined {
    this.hook?.(key);
    this.note(key);
    return super.get(key);
  }

  override has(key: string): boolean {
    this.hook?.(key);
    this.note(key);
    return super.has(key);
  }

  override set(key: string, value: TableDef): this {
    this.hook?.(key);
    this.note(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.hook?.(key);
    this.note(key);
    return super.delete(key);
  }

  override clear(): void {
    this.hook?.(undefined);
    if (this.log) this.log.all = true;
    super.clear();
  }

  override forEach(callback: (value: TableDef, key: string, map: Map<string, TableDef>) => void, thisArg?: unknown): void {
    this.hook?.(undefined);
    if (this.log) this.log.all = true;
    super.forEach(callback, thisArg);
  }

  override entries(): MapIterator<[string, TableDef]> {
    this.hook?.(undefined);
    if (this.log) this.log.all = true;
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.hook?.(undefined);
    if (this.log) this.log.all = true;
    return super.keys();
  }

  override values(): MapIterator<TableDef> {
    this.hook?.(undefined);
    if (this.log) this.log.all = true;
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, TableDef]> {
    this.hook?.(undefined);
    if (this.log) this.log.all = true;
    return super[Symbol.iterator]();
  }
}
