// A deterministic, realistic migration file of N statements: table creations, column and index
// changes, type changes, FKs, session settings, batched and unbatched DML, a procedure with
// conditional DDL and PREPARE'd DDL.

/** a small seeded PRNG (mulberry32) so every run lints the same file */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['INT', 'BIGINT UNSIGNED', 'VARCHAR(64)', 'VARCHAR(255)', 'DECIMAL(12,2)', 'DATETIME', 'TINYINT(1)', 'TEXT', 'JSON'];

export function generateMigration(statements: number, seed = 42): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const tables: string[] = [];
  const out: string[] = [];
  let n = 0;
  let col = 0;
  const emit = (sql: string, count = 1): void => {
    out.push(sql);
    n += count;
  };

  while (n < statements) {
    const roll = rand();
    if (tables.length < 3 || roll < 0.06) {
      const t = `table_${tables.length}`;
      tables.push(t);
      emit(
        `CREATE TABLE ${t} (\n  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,\n  account_id BIGINT UNSIGNED NOT NULL,\n  name VARCHAR(100) NOT NULL,\n  amount DECIMAL(12,2) NOT NULL DEFAULT 0,\n  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  PRIMARY KEY (id),\n  KEY idx_${t}_account (account_id)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;`,
      );
      continue;
    }
    const t = pick(tables);
    const c = `col_${col++}`;
    if (roll < 0.2) emit(`ALTER TABLE ${t} ADD COLUMN ${c} ${pick(TYPES)} NULL;`);
    else if (roll < 0.27) emit(`ALTER TABLE ${t} ADD COLUMN ${c} INT NOT NULL AFTER name;`);
    else if (roll < 0.34) emit(`ALTER TABLE ${t} ADD INDEX idx_${c} (account_id, created_at), ALGORITHM=INPLACE, LOCK=NONE;`);
    else if (roll < 0.39) emit(`CREATE INDEX idx_${c} ON ${t} (name(20));`);
    else if (roll < 0.44) emit(`ALTER TABLE ${t} MODIFY name VARCHAR(${pick([120, 150, 200, 300])}) NOT NULL;`);
    else if (roll < 0.48) emit(`ALTER TABLE ${t} ADD CONSTRAINT fk_${c} FOREIGN KEY (account_id) REFERENCES ${pick(tables)} (id) ON DELETE CASCADE;`);
    else if (roll < 0.52) emit(`SET SESSION lock_wait_timeout = ${pick([3, 5, 10])};`);
    else if (roll < 0.67) emit(`INSERT INTO ${t} (account_id, name, amount) VALUES (${Math.floor(rand() * 1000)}, 'item ${n}', ${(rand() * 100).toFixed(2)}), (${Math.floor(rand() * 1000)}, 'it''s ${n}', 0);`);
    else if (roll < 0.77) emit(`UPDATE ${t} SET amount = amount * 1.1 WHERE id > ${n * 1000} AND id <= ${n * 1000 + 1000};`);
    else if (roll < 0.8) emit(`UPDATE ${t} SET name = TRIM(name);`);
    else if (roll < 0.83) emit(`DELETE FROM ${t} WHERE created_at < '2020-01-01' LIMIT 1000;`);
    else if (roll < 0.86) emit(`ALTER TABLE ${t} ALTER COLUMN amount SET DEFAULT 1.00;`);
    else if (roll < 0.88) emit(`/* renamed in the app first */ ALTER TABLE ${t} RENAME COLUMN legacy_${c} TO ${c};`);
    else if (roll < 0.9) emit(`ALTER TABLE ${t} CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`);
    else if (roll < 0.92) emit(`DROP INDEX idx_${t}_account ON ${t};`);
    else if (roll < 0.94) emit(`-- nightly job table\nOPTIMIZE TABLE ${t};`);
    else if (roll < 0.96) {
      emit(
        `SET @ddl = IF((SELECT COUNT(*) FROM information_schema.columns WHERE table_name = '${t}' AND column_name = '${c}') = 0, 'ALTER TABLE ${t} ADD COLUMN ${c} INT NULL', 'SELECT 1');\nPREPARE stmt FROM @ddl;\nEXECUTE stmt;\nDEALLOCATE PREPARE stmt;`,
        4,
      );
    } else if (roll < 0.97) {
      emit(
        `DELIMITER $$\nCREATE PROCEDURE add_${c}()\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = '${t}' AND column_name = '${c}') THEN\n    ALTER TABLE ${t} ADD COLUMN ${c} VARCHAR(32) NULL;\n  END IF;\nEND $$\nDELIMITER ;\nCALL add_${c}();\nDROP PROCEDURE add_${c};`,
        3,
      );
    } else emit(`ALTER TABLE ${t} ADD COLUMN ${c} CHAR(36) NOT NULL DEFAULT '', ADD INDEX idx_${c} (${c});`);
  }
  return `${out.join('\n\n')}\n`;
}
