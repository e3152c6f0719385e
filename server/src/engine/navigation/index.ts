// Schema navigation across a chain's migrations: which statement created, renamed, changed or wrote
// each table and column (one identity across renames), for go-to-definition, references, hovers
// and symbols in the language server.
export { SchemaNavigator, definitionOf, findEntities, lastChangeBefore, nameBefore, occurrenceAt, referencesOf, type NavSource } from './navigator';
export { catalogBefore, catalogBeforeInFile } from './catalog';
export { describeColumn, describeTable, type ColumnDescription, type TableDescription } from './describe';
export type { NavKind, StatementFacts } from './events';
export type { ChainNavigation, ColumnEntity, Entity, NavFile, Occurrence, TableEntity } from './resolve';
