// Human-readable names for target labels such as `mariadb-10.11` or `mysql-8.0.35`, and the targets
// "Set Target" offers (the manifest test checks they are the engine's and the manifest's).

export const KNOWN_TARGETS = ['mysql-5.7', 'mysql-8.0', 'mysql-8.4', 'mariadb-10.6', 'mariadb-10.11', 'mariadb-11.4'] as const;

const LABEL = /^(mysql|mariadb)-(\d+)\.(\d+)(\.\d+)?$/i;

/** `mariadb-10.11` → `MariaDB 10.11`; anything else is returned unchanged. */
export function displayTarget(label: string): string {
  const m = LABEL.exec(label.trim());
  if (!m) return label;
  const flavor = m[1].toLowerCase() === 'mysql' ? 'MySQL' : 'MariaDB';
  return `${flavor} ${Number(m[2])}.${Number(m[3])}${m[4] !== undefined ? `.${Number(m[4].slice(1))}` : ''}`;
}
