// What every plan builder works with: the statement and operation being replaced, the schema
// before it (a working copy each generated DDL advances), and helpers that write safe steps.
import { cloneCatalog } from '../catalog/apply';
import { findTable } from '../catalog/lookup';
import type { Catalog, Operation, SessionState, Statement, TableDef, Target } from '../types';
import type { PlanDraft, Step } from './draft';
import { applyToCatalog, LOCK_WAIT_SQL, onlineDdl } from './online';

export interface BuildOptions {
  triggers: boolean;
  batchSize: number;
}

/** the statement being replaced, as the file has it */
export interface Source {
  /** the analyzed text of the file (offsets of the statement's spans) */
  text: string;
  /** rule ids of the findings on the statement */
  rules: readonly string[];
  /** known row counts (config `tables`) */
  tableRows: Readonly<Record<string, number>>;
}

export class PlanBuild {
  /** the schema as the plan's steps so far leave it */
  readonly catalog: Catalog;

  constructor(
    readonly target: Target,
    catalogBefore: Catalog,
    readonly statement: Statement,
    readonly options: BuildOptions,
    readonly source: Source = { text: statement.sql, rules: [], tableRows: {} },
  ) {
    this.catalog = cloneCatalog(catalogBefore);
  }

  table(name: string): TableDef | undefined {
    return findTable(this.catalog, name);
  }

  /** the first step of every file with DDL on an existing table */
  lockWait(): Step {
    return { sql: LOCK_WAIT_SQL, note: 'give up quickly instead of queueing every query on the table behind a metadata lock; re-run later' };
  }

  /** an ALTER / CREATE INDEX with its online clause; advances the working schema */
  ddl(sql: string, extra: Omit<Step, 'sql'> = {}, session: Partial<SessionState> = {}): Step {
    return { ...extra, sql: onlineDdl(sql, this.catalog, this.target, session).sql };
  }

  /** a down step's DDL: its clause predicted on the schema as it is now, which it does not change */
  ddlDown(sql: string, extra: Omit<Step, 'sql'> = {}): Step {
    return { ...extra, sql: onlineDdl(sql, cloneCatalog(this.catalog), this.target).sql };
  }

  /** a statement that takes no ALGORITHM clause (CREATE / DROP / RENAME TABLE, triggers, views) */
  plain(sql: string, extra: Omit<Step, 'sql'> = {}): Step {
    applyToCatalog(sql, this.catalog, this.target);
    return { ...extra, sql };
  }
}

export type Builder<Op extends Operation = Operation> = (build: PlanBuild, op: Op) => PlanDraft | string;
