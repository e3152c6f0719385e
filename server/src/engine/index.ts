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
export { IncrementalAnalyzer } from './incremental/analyzer';
export type { AnalysisRequest, IncrementalAnalysis } from './incremental/analyzer';
export { applySeverityOverrides } from './findings';
export type { RuleSettings } from './rules/rule';
export { UNUSED_IGNORE, disableFileEdit, disableNextLineEdit } from './suppress';
export {
  CONFIG_FILE_NAMES,
  FAIL_ON_LEVELS,
  analyzeOptionsFrom,
  defaultConfig,
  docsBaseFrom,
  failsAt,
  parseConfig,
  createBaseline,
  filterByBaseline,
  parseBaseline,
  serializeBaseline,
  statementSpanMap,
  type Baseline,
  type BaselineFile,
  type ConfigError,
  type FailOn,
  type LockstepConfig,
  type ParsedConfig,
} from './config';
export { Project, memoryHost, findConfigFile, loadProjectConfig, type Chain, type ExtraSchemaSource, type FileContext, type ProjectHost, type DirEntry, type ReadResult, type LoadedConfig } from './project';
export { schemaToJson, type SchemaJson } from './catalog/schema-json';
export { schemaToSql } from './catalog/schema-sql';
export type { Convention } from './workspace';
export { initialSession, nextSession } from './session';
export {
  SchemaNavigator,
  catalogBefore,
  catalogBeforeInFile,
  definitionOf,
  describeColumn,
  describeTable,
  findEntities,
  lastChangeBefore,
  nameBefore,
  occurrenceAt,
  referencesOf,
  type ChainNavigation,
  type ColumnDescription,
  type ColumnEntity,
  type Entity,
  type NavFile,
  type NavKind,
  type NavSource,
  type Occurrence,
  type StatementFacts,
  type TableDescription,
  type TableEntity,
} from './navigation';
export { PLANNABLE_RULES, planForStatement, planForTableMove, planToMarkdown, type Plan, type PlanFile, type PlanKind, type PlanOptions, type PlanRelease, type PlanResult } from './plan';
export { planForModelChange, modelPlanToMarkdown, type ModelPlan, type ModelPlanRequest, type ModelPlanResult } from './plan';
export { analyzeModelChange, modelBase, type ModelBase, discoverModelFiles, isModelFile, disableModelNextLineEdit, modelKindByExtension, modelKindOf, type GoParser, type ModelAnalysis, type ModelAnalyzeOptions, type ModelParsers, type OrmKind, typeormMigrationSql } from './orm';
