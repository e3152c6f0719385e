// What a plan builder produces before it is written in a convention: releases of migrations, each
// migration an ordered list of steps (up) and the steps that undo it (down).
import type { PlanKind } from './types';

export interface Step {
  sql: string;
  /** a compound statement (CREATE PROCEDURE / TRIGGER with BEGIN … END): needs the convention's delimiter handling */
  compound?: true;
  /** a `-- lockstep-disable-next-line <rules> -- <reason>` the step needs (a contract step the earlier releases made safe) */
  allow?: { rules: string[]; reason: string };
  /** a comment line above the step */
  note?: string;
}

export interface MigrationDraft {
  /** short description used in the file name, e.g. "add person surname" */
  name: string;
  up: Step[];
  /** undoes `up` (run in order); empty when there is nothing to undo (a data copy) or `irreversible` */
  down: Step[];
  /** drops data: no down migration can bring it back */
  irreversible?: true;
}

export interface ReleaseDraft {
  title: string;
  appSteps: string[];
  verify: string[];
  migrations: MigrationDraft[];
}

export interface PlanDraft {
  kind: PlanKind;
  summary: string;
  /** used in file names when a migration has no name of its own */
  slug: string;
  releases: ReleaseDraft[];
  /** notes for the Markdown view: choices the plan made that the user should know */
  notes?: string[];
}
