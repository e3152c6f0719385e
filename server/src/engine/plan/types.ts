// The expand/contract plan contract: what `lockstep plan --format json` prints, what the language
// server turns into a WorkspaceEdit, and what the tests replay on a live server.
import type { Convention } from '../workspace';

/** the unsafe change a plan rewrites (one per supported rule id, plus the whole-table move) */
export type PlanKind =
  | 'rename-column'
  | 'rename-table'
  | 'not-null-without-default'
  | 'set-not-null'
  | 'drop-column'
  | 'drop-table'
  | 'change-column-type'
  | 'varchar-length-change'
  | 'enum-set-change'
  | 'add-unique-index'
  | 'add-foreign-key'
  | 'primary-key-change'
  | 'large-table-rewrite'
  | 'move-table';

export interface PlanFile {
  /** relative to the workspace root (the config's folder), posix separators */
  path: string;
  direction: 'up' | 'down';
  content: string;
}

export interface PlanRelease {
  /** e.g. "Release 1 — expand: add surname, copy last_name into it" */
  title: string;
  /** what the application must do in this release before the next one may ship */
  appSteps: string[];
  /** SQL to run to verify the release is complete (each returns 0 / no rows when it is) */
  verify: string[];
  /** migration files to add, in the project's convention (down files where it has them) */
  files: PlanFile[];
}

export interface Plan {
  kind: PlanKind;
  /** the convention the files were written in ('plain' = numbered .sql when none was detected) */
  convention: Convention | 'plain';
  /** one line: what the plan does */
  summary: string;
  /** releases in deployment order */
  releases: PlanRelease[];
  /** the statement (index in the file's statement list) the plan replaces; absent for move-table */
  statementIndex?: number;
  /** choices the plan made that the reader should know (backfill form, compare queries) */
  notes?: string[];
}
