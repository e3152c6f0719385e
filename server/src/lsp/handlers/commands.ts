// Server-side commands, for clients without the VS Code extension's own commands.
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { isKnownRule, safeRuleDocsTarget } from '../../common/rule-docs';
import { COMMANDS } from '../protocol';
import { type ModelRuns, showMigrationPlanCommand } from './plan-request';

export const SERVER_COMMANDS = [COMMANDS.serverShowRuleDocs, COMMANDS.serverShowMigrationPlan];

export function registerCommands(ctx: ServerContext, models: ModelRuns): void {
  ctx.connection.onExecuteCommand(async (params) => {
    if (params.command === COMMANDS.serverShowMigrationPlan) return showMigrationPlanCommand(ctx, models, params.arguments ?? []);
    if (params.command !== COMMANDS.serverShowRuleDocs) return null;
    const [rule, url] = params.arguments ?? [];
    // a known id only: an id such as `../../etc/passwd` would name a file outside the docs
    if (typeof rule !== 'string' || !isKnownRule(rule)) return null;
    const target = safeRuleDocsTarget(rule, url);
    if (ctx.flags.showDocument) {
      await ctx.connection.window.showDocument({ uri: target, external: /^https?:/i.test(target) });
    } else {
      // a notification: showInformationMessage sends a request, and a client that refuses it
      // left an unhandled rejection that ended the server
      void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Lockstep rule ${rule}: ${target}` });
    }
    return target;
  });
}
