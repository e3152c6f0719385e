// The language server reads an open model with the files it leans on, as `lockstep lint` does: an
// unsaved edit of one of them (an open document wins over the disk) re-checks the open model that
// reads it, and undoing the edit clears the finding again.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileUri } from '../lsp/client';
import { lspOnGitFixture, rulesAndLines } from './lsp-fixture';

const BASE_TS = "import { Column, PrimaryGeneratedColumn } from 'typeorm';\n\nexport abstract class BaseModel {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column({ length: 40 })\n  createdBy: string;\n}\n";
const PAYMENT_TS = "import { Column, Entity } from 'typeorm';\nimport { BaseModel } from '../common/base';\n\n@Entity()\nexport class Payment extends BaseModel {\n  @Column()\n  amount: number;\n}\n";
const AUDIT_GO = 'package models\n\ntype Audit struct {\n\tCreatedBy string `gorm:"size:50;not null"`\n\tVersion   int32\n}\n';
const ORDER_GO = 'package models\n\ntype Order struct {\n\tID    uint\n\tAudit\n\tTotal int64\n}\n';

const files = { 'src/common/base.ts': BASE_TS, 'src/entities/payment.entity.ts': PAYMENT_TS, 'internal/models/audit.go': AUDIT_GO, 'internal/models/order.go': ORDER_GO };
const lsp = lspOnGitFixture(files, {});

test("TypeORM: an unsaved edit of the imported base class re-checks the open entity, on its extends clause", async () => {
  const { dir, client } = lsp;
  const entity = fileUri(join(dir, 'src', 'entities', 'payment.entity.ts'));
  const base = fileUri(join(dir, 'src', 'common', 'base.ts'));
  await client.open(entity, PAYMENT_TS);
  assert.deepEqual(rulesAndLines(await client.diagnosticsFor(entity, 1)), []);
  await client.open(base, BASE_TS);
  await client.change(base, [{ text: BASE_TS.replace('\n  @Column({ length: 40 })\n  createdBy: string;\n', '') }]);
  assert.deepEqual(rulesAndLines(await client.diagnostics(entity, (p) => p.diagnostics.length > 0)), [['drop-column', 4]]);
  // the edit undone (still unsaved): the model matches its base again
  await client.change(base, [{ text: BASE_TS }]);
  assert.deepEqual(rulesAndLines(await client.diagnostics(entity, (p) => p.diagnostics.length === 0)), []);
});

test('GORM: an unsaved rename in a struct of another file of the package is reported on the open model', async () => {
  const { dir, client } = lsp;
  const order = fileUri(join(dir, 'internal', 'models', 'order.go'));
  const audit = fileUri(join(dir, 'internal', 'models', 'audit.go'));
  await client.open(order, ORDER_GO);
  assert.deepEqual(rulesAndLines(await client.diagnosticsFor(order, 1)), []);
  await client.open(audit, AUDIT_GO);
  await client.change(audit, [{ text: AUDIT_GO.replace('CreatedBy string', 'Author    string') }]);
  assert.deepEqual(rulesAndLines(await client.diagnostics(order, (p) => p.diagnostics.length > 0)), [['rename-column', 4]]);
});
