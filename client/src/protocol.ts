// The wire types of the server's own requests the extension uses, mirrored so the client imports no
// server code (test/lsp/project-info.test.ts checks they match server/src/lsp/protocol.ts).
import { NotificationType0, RequestType } from 'vscode-languageserver-protocol';

export interface ProjectInfoParams {
  /** a document URI (or a workspace folder's); absent: the first workspace folder */
  uri?: string;
}

/** a glob relative to a folder, as in LSP's RelativePattern */
export interface DocumentPattern {
  baseUri: string;
  pattern: string;
}

export interface ProjectInfo {
  /** the target label in force, e.g. `mariadb-10.11` */
  target: string;
  targetSource: 'config-file' | 'setting' | 'default';
  /** the config file in force, when there is one */
  configUri?: string;
  /** the migration files: sent to the server whatever their language */
  documentPatterns: DocumentPattern[];
}

export const ProjectInfoRequest = new RequestType<ProjectInfoParams, ProjectInfo, void>('lockstep/projectInfo');

/** the server's settings changed: ask `lockstep/projectInfo` again */
export const ProjectChangedNotification = new NotificationType0('lockstep/projectChanged');
