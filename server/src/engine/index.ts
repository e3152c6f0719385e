// The engine's public API: the one import for the CLI and the language server.
export * from './types';
export { analyzeFile, DEFAULT_SETTINGS } from './analyze';
export type { AnalyzeOptions, FileAnalysis, StatementResult } from './analyze';
export { parseFile } from './parse';
export { predict } from './kb/predict';
export { applyStatement, cloneCatalog, emptyCatalog } from './catalog/apply';
export { rules, ruleById } from './rules';
export type { Rule, RuleMeta, RuleContext } from './rules/rule';
export { parseTarget, atLeast, KNOWN_TARGETS, DEFAULT_TARGET } from './targets';
