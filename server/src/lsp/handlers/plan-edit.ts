// A plan as one WorkspaceEdit: create each release's files (CreateFile, then an insert of the
// content), and replace the unsafe statement by a comment naming the new files, or remove it. A
// model's plan is the new files alone (`planFilesWorkspaceEdit`).
// With change annotations that need confirmation, VS Code opens its refactor preview and the user
// reads every file before anything is written.
import { isAbsolute, join, normalize, sep } from 'node:path';
import type { ChangeAnnotation, CreateFile, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Plan } from '../../engine';
import { pathToUri } from '../uri';

/** what becomes of the unsafe statement */
export type StatementReplacement = 'pointer' | 'remove';

export interface PlanEditInput {
  plan: Plan;
  /** the folder the plan's paths are relative to (the project root) */
  root: string;
  /** the migration that holds the unsafe statement */
  document: { uri: string; version: number };
  /** the statement with its delimiter (for `remove`: up to the end of its line) */
  range: Range;
  /** the statement's text, quoted in the pointer comment */
  statementText: string;
  replacement: StatementReplacement;
  /** the client supports change annotations: every change is annotated and needs confirmation */
  annotations: boolean;
  /** the document's line ending */
  eol: '\n' | '\r\n';
}

const STATEMENT_ANNOTATION = 'lockstep.plan.statement';
const releaseAnnotation = (i: number): string => `lockstep.plan.release-${i + 1}`;

/** the absolute path of a plan file, or undefined when its path would leave the root */
export function planFilePath(root: string, path: string): string | undefined {
  if (path === '' || isAbsolute(path) || path.includes('\0')) return undefined;
  const joined = normalize(join(root, path));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return joined.startsWith(base) ? joined : undefined;
}

/** every file of the plan, in deployment order (undefined when a path leaves the root) */
export function planFiles(plan: Plan, root: string): { path: string; abs: string; release: number; content: string }[] | undefined {
  const out: { path: string; abs: string; release: number; content: string }[] = [];
  for (const [release, r] of plan.releases.entries()) {
    for (const file of r.files) {
      const abs = planFilePath(root, file.path);
      if (!abs) return undefined;
      out.push({ path: file.path, abs, release, content: file.content });
    }
  }
  return out;
}

export function planWorkspaceEdit(input: PlanEditInput): WorkspaceEdit | undefined {
  const files = planFiles(input.plan, input.root);
  if (!files || files.length === 0) return undefined;
  const documentChanges: (CreateFile | TextDocumentEdit)[] = fileCreations(files, input.annotations);
  const replaced: TextEdit = { range: input.range, newText: input.replacement === 'pointer' ? pointerComment(input, files) : '' };
  documentChanges.push({ textDocument: input.document, edits: [annotated(replaced, STATEMENT_ANNOTATION, input.annotations)] });
  const edit: WorkspaceEdit = { documentChanges };
  if (input.annotations) {
    edit.changeAnnotations = {
      ...releaseAnnotations(input.plan, files),
      [STATEMENT_ANNOTATION]: {
        label: input.replacement === 'pointer' ? 'Replace the unsafe statement by a comment naming the new migrations' : 'Remove the unsafe statement',
        needsConfirmation: true,
      },
    };
  }
  return edit;
}

export interface PlanFilesEditInput {
  plan: Plan;
  /** the folder the plan's paths are relative to (the project root) */
  root: string;
  /** the client supports change annotations: every file is annotated and needs confirmation */
  annotations: boolean;
}

/**
 * Only the plan's new files, nothing else changed: the plan of an ORM model's finding, whose
 * model edits per release are in each file's header (the model file shows the end state).
 */
export function planFilesWorkspaceEdit(input: PlanFilesEditInput): WorkspaceEdit | undefined {
  const files = planFiles(input.plan, input.root);
  if (!files || files.length === 0) return undefined;
  const edit: WorkspaceEdit = { documentChanges: fileCreations(files, input.annotations) };
  if (input.annotations) edit.changeAnnotations = releaseAnnotations(input.plan, files);
  return edit;
}

function annotated<T extends object>(value: T, id: string, annotations: boolean): T {
  return annotations ? { ...value, annotationId: id } : value;
}

/** each file created (never overwriting), then filled with its content, in deployment order */
function fileCreations(files: { abs: string; release: number; content: string }[], annotations: boolean): (CreateFile | TextDocumentEdit)[] {
  const changes: (CreateFile | TextDocumentEdit)[] = [];
  for (const file of files) {
    const uri = pathToUri(file.abs);
    const id = releaseAnnotation(file.release);
    // never overwrite: the server offers the action only when no file exists at these paths, and
    // `ignoreIfExists` keeps a client from emptying one created meanwhile
    changes.push(annotated<CreateFile>({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: true } }, id, annotations));
    // the new (empty) file's first line with its line break: clients clamp it to the empty text, and
    // Neovim then keeps no extra empty line after content that ends with a line break
    const insert: TextEdit = { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: file.content };
    changes.push({ textDocument: { uri, version: null }, edits: [annotated(insert, id, annotations)] });
  }
  return changes;
}

/** one annotation per release that adds files, each needing confirmation */
function releaseAnnotations(plan: Plan, files: { path: string; release: number }[]): Record<string, ChangeAnnotation> {
  const out: Record<string, ChangeAnnotation> = {};
  for (const [i, release] of plan.releases.entries()) {
    const names = files.filter((f) => f.release === i).map((f) => f.path);
    if (names.length === 0) continue;
    out[releaseAnnotation(i)] = {
      label: release.title,
      description: `new file${names.length === 1 ? '' : 's'} ${names.join(', ')} (never overwrites an existing file)`,
      needsConfirmation: true,
    };
  }
  return out;
}

/** `-- …` lines: what happened, where the releases are, and the statement as it was */
export function pointerComment(input: Pick<PlanEditInput, 'plan' | 'statementText' | 'eol'>, files: { path: string; release: number }[]): string {
  const { plan } = input;
  const lines = [`-- Rewritten by Lockstep as ${plan.releases.length} release${plan.releases.length === 1 ? '' : 's'} (${plan.kind}): ${oneLine(plan.summary)}`];
  for (const i of plan.releases.keys()) {
    const names = files.filter((f) => f.release === i).map((f) => f.path);
    lines.push(`--   release ${i + 1}: ${names.length > 0 ? names.join(', ') : 'no migration, an application change only'}`);
  }
  lines.push('-- The statement was:');
  for (const line of input.statementText.split(/\r?\n/)) lines.push(`--   ${line}`);
  return lines.join(input.eol);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}
