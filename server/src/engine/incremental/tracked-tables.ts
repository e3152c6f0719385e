// A catalog table map that records which tables the engine reads or writes, so a statement's
// cached results can be reused exactly when the tables it looked at are unchanged.
import type { TableDef } from '../types';

export interface AccessLog {
  tables: Set<string>;
  /** the whole catalog was enumerated */
  all: boolean;
}

export function newAccessLog(): AccessLog {
  return { tables: new Set(), all: false };
}

export class TrackedTables extends Map<string, TableDef> {
  private log: AccessLog | undefined;
  private hook: ((table: string | undefined) => void) | undefined;

  /** runs before every access (undefined: the whole map), e.g. to bring that table up to date */
  onAccess(hook: (table: string | undefined) => void): void {
    this.hook = hook;
  }

  /** start recording into `log` (undefined stops recording) */
  record(log: AccessLog | undefined): void {
    this.log = log;
  }

  override get(key: string): TableDef | undefined {
    this.hook?.(key);
    this.log?.tables.add(key);
    return super.get(key);
  }

  override has(key: string): boolean {
    this.hook?.(key);
    this.log?.tables.add(key);
    return super.has(key);
  }

  override set(key: string, value: TableDef): this {
    this.hook?.(key);
    this.log?.tables.add(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.hook?.(key);
    this.log?.tables.add(key);
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
