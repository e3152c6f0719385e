// A model edit analysed as the editor and the CLI see it: the before-text read back from git at a
// base revision, the after-text from the working tree of a gitFixture repository.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before } from 'node:test';
import { analyzeModelChange, parseTarget, type ModelAnalysis, type ModelAnalyzeOptions, type ModelParsers, type Target } from '../../server/src/engine';
import { textAtGitBase } from '../../server/src/common/git-base';
import { loadGoParser } from '../../server/src/common/go-parser';
import { gitFixture } from './git-fixture';

export const mysql80 = parseTarget('mysql-8.0') as Target;

export interface ModelCheck {
  /** the model file's text at the base revision (undefined: not in that commit) */
  base: string | undefined;
  /** the model file's text in the working tree */
  text: string;
  analysis: ModelAnalysis | undefined;
}

/** `rel` of the repository `dir`: its text at `base` (which must resolve) against the working tree */
export function analyzeAtGitBase(dir: string, rel: string, options: ModelAnalyzeOptions, base = 'HEAD'): ModelCheck {
  const path = join(dir, rel);
  const atBase = textAtGitBase(path, base);
  assert.ok(atBase.ok, atBase.ok ? '' : atBase.reason);
  const text = readFileSync(path, 'utf8');
  return { base: atBase.text, text, analysis: analyzeModelChange(rel, atBase.text, text, options) };
}

/** a fresh repository with `beforeText` committed as `rel` and `afterText` over it, analysed at HEAD */
export function analyzeEdit(rel: string, beforeText: string, afterText: string, options: ModelAnalyzeOptions): ModelCheck {
  const dir = gitFixture({ [rel]: beforeText }, { [rel]: afterText });
  const checked = analyzeAtGitBase(dir, rel, options);
  // git must hand back exactly what was committed, or the findings below would be about another edit
  assert.equal(checked.base, beforeText);
  return checked;
}

/**
 * Options for GORM models: mysql-8.0 and the Go grammar. The grammar loads asynchronously, so a
 * before() hook of the calling test file fills `parsers.go`: pass the object to the analysis
 * inside tests, never copy `parsers.go` out at module level (it is still undefined then).
 */
export function goModelOptions(): ModelAnalyzeOptions & { parsers: ModelParsers } {
  const options: ModelAnalyzeOptions & { parsers: ModelParsers } = { target: mysql80, parsers: {} };
  before(async () => {
    options.parsers.go = await loadGoParser();
    assert.ok(options.parsers.go, 'the Go parser loads');
  });
  return options;
}
