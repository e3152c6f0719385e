// Broken and truncated model files: the model check never throws and its findings stay inside the text.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { analyzeModelChange, parseTarget, type GoParser, type Target } from '../../server/src/engine';
import { loadGoParser } from '../../server/src/common/go-parser';

const target = parseTarget('mysql-8.0') as Target;
let go: GoParser | undefined;
before(async () => {
  go = await loadGoParser();
});

const MODELS: Record<string, string> = {
  'schema.prisma': 'model User {\n  id    Int     @id @default(autoincrement())\n  email String  @unique @db.VarChar(191)\n  name  String? @map("full_name")\n  role  Role    @default(USER)\n  @@map("users")\n  @@index([email, name])\n}\n\nenum Role {\n  USER\n  ADMIN\n}\n',
  'user.entity.ts': "@Entity('users')\nexport class User {\n  @PrimaryGeneratedColumn('uuid')\n  id: string;\n  @Column({ length: 50, nullable: true, default: 'x' })\n  name: string | null;\n  @Column('decimal', { precision: 12, scale: 2 })\n  total: number;\n}\n",
  'models/user.go': 'package models\n\ntype User struct {\n\tgorm.Model\n\tName  string `gorm:"column:full_name;size:100;not null;default:\'x\'"`\n\tAge   *int\n\tTags  []Tag\n}\n\nfunc (User) TableName() string { return "people" }\n',
};

/** deterministic pseudo-random numbers */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

test('truncated, spliced and garbage model texts never throw and keep findings inside the text', () => {
  const next = random(7);
  const junk = ['{', '}', '"', '`', '@', '(', ')', '\n', '//', '/*', 'model ', 'type X struct {', '@Column(', '\u0000', '𝄞', ';', ':'];
  for (const [path, text] of Object.entries(MODELS)) {
    for (let i = 0; i < 60; i++) {
      const cut = Math.floor(next() * text.length);
      const variants = [
        text.slice(0, cut),
        text.slice(0, cut) + junk[Math.floor(next() * junk.length)] + text.slice(cut),
        text.slice(cut),
      ];
      for (const after of variants) {
        const analysis = analyzeModelChange(path, text, after, { target, parsers: { go } });
        for (const f of analysis?.findings ?? []) {
          assert.ok(f.span.start >= 0 && f.span.end <= after.length && f.span.start <= f.span.end, `${path}: ${f.rule} at ${JSON.stringify(f.span)} in ${after.length} chars`);
          for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.end <= after.length, `${path}: fix edit out of range`);
        }
      }
    }
  }
});
