// What a client can do with a plan, from its initialize capabilities: create files in a workspace
// edit (then the plan is a rewrite action), and show change annotations (then every change of it
// needs the user's confirmation: VS Code opens its refactor preview).
import type { ClientCapabilities } from 'vscode-languageserver';

export interface PlanEditSupport {
  /** applies CreateFile operations in `documentChanges` */
  createFiles: boolean;
  /** honours change annotations (`needsConfirmation`) */
  annotations: boolean;
}

export function planEditSupport(caps: ClientCapabilities): PlanEditSupport {
  const edit = caps.workspace?.workspaceEdit;
  // resource operations exist only inside `documentChanges`: a client that lists `create` applies
  // them (Neovim 0.7 lists its operations without setting `documentChanges: true`)
  const createFiles = edit?.resourceOperations?.includes('create') === true;
  return { createFiles, annotations: createFiles && edit?.changeAnnotationSupport !== undefined };
}
