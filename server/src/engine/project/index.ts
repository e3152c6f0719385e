// The project model: files, sets, order, releases, schema sources, and the replayed schema.
export { Project, type Chain, type ExtraSchemaSource, type FileContext, type ProjectInit } from './project';
export { memoryHost, type ProjectHost, type DirEntry, type ReadResult } from './host';
export { findConfigFile, loadProjectConfig, type LoadedConfig } from './config-discovery';
export type { SetSpec } from './sets';
