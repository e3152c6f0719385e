// Server-side commands, for clients without the VS Code extension's own commands.
import type { ServerContext } from '../context';
import { ruleDocsUrl } from '../../common/rule-docs';
import { COMMANDS } from '../protocol';

export const SERVER_COMMANDS = [COMMANDS.serverShowRuleDocs];

export function registerCommands(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand(async (params) => {
    if (params.command !== COMMANDS.serverShowRuleDocs) return null;
    const [rule, url] = params.arguments ?? [];
    if (typeof rule !== 'string') return null;
    const target = typeof url === 'string' ? url : ruleDocsUrl(rule);
    if (ctx.flags.showDocument) {
      await ctx.connection.window.showDocument({ uri: target, external: /^https?:/.test(target) });
    } else {
      void ctx.connection.window.showInformationMessage(`Lockstep rule ${rule}: ${target}`);
    }
    return target;
  });
}
