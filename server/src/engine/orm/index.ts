// ORM model diffs: a model file against its version at a git base, checked by the same rules.
export { analyzeModelChange, modelBase, type ModelAnalysis, type ModelAnalyzeOptions, type ModelBase } from './analyze-model';
export { modelKindByExtension, modelKindOf, type ModelParsers } from './model-kind';
export type { GoParser } from './gorm';
export type { ModelChange } from './diff';
export type { ModelColumn, ModelIndex, ModelTable, OrmKind, OrmModel } from './model';
export { disableModelNextLineEdit } from './ignore-edits';
export { discoverModelFiles, isModelFile } from './discover';
export { typeormMigrationSql } from './typeorm-migration';
