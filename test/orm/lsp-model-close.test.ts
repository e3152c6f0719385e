// A TypeORM entity whose base class (an open document, edited but not saved) drops a column: the
// entity's finding offers the plan of that very finding, computed from the model as the
// diagnostics read it (the unsaved base class included), and `lockstep/plan` agrees. Closing the
// base class without saving drops its unsaved text: the entity follows the disk again.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DidCloseTextDocumentNotification } from 'vscode-languageserver-protocol';
import { PlanRequest, type PlanResult } from '../../server/src/lsp/protocol';
import { fileUri } from '../lsp/client';
import { lspOnGitFixture, rulesAndLines } from './lsp-fixture';

const BASE_TS = "import { Column, PrimaryGeneratedColumn } from 'typeorm';\n\nexport abstract class BaseModel {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column({ length: 40 })\n  createdBy: string;\n}\n";
const PAYMENT_TS = "import { Column, Entity } from 'typeorm';\nimport { BaseModel } from './base';\n\n@Entity()\nexport class Payment extends BaseModel {\n  @Column()\n  amount: number;\n}\n";

const lsp = lspOnGitFixture({ 'src/entities/base.ts': BASE_TS, 'src/entities/payment.entity.ts': PAYMENT_TS }, {});

test('an unsaved column drop in the base class: the entity offers its plan; closed unsaved, the entity reads the disk again', async () => {
  const { dir, client } = lsp;
  const entity = fileUri(join(dir, 'src', 'entities', 'payment.entity.ts'));
  const base = fileUri(join(dir, 'src', 'entities', 'base.ts'));
  await client.open(entity, PAYMENT_TS);
  assert.deepEqual(rulesAndLines(await client.diagnosticsFor(entity, 1)), []);
  await client.open(base, BASE_TS);
  await client.change(base, [{ text: BASE_TS.replace('\n  @Column({ length: 40 })\n  createdBy: string;\n', '') }]);
  const published = await client.diagnostics(entity, (p) => p.diagnostics.length > 0);
  assert.deepEqual(rulesAndLines(published), [['drop-column', 4]]);

  const diagnostic = published.diagnostics[0];
  const actions = await client.codeActions(entity, diagnostic.range, [diagnostic]);
  assert.ok(actions.some((a) => a.title === 'Show the expand/contract plan'), actions.map((a) => a.title).join(' | '));
  const result: PlanResult = await client.connection.sendRequest(PlanRequest, { textDocument: { uri: entity }, position: diagnostic.range.start });
  assert.equal(result.rule, 'drop-column');
  assert.match(result.markdown, /^# Migration plan: drop payment\.createdBy without breaking the running app\n/);

  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: base } });
  assert.deepEqual(rulesAndLines(await client.diagnostics(entity, (p) => p.diagnostics.length === 0)), []);
});
