// Parsing and listing of target flavors/versions.
import type { Target } from './types';

export const KNOWN_TARGETS = ['mysql-5.7', 'mysql-8.0', 'mysql-8.4', 'mariadb-10.6', 'mariadb-10.11', 'mariadb-11.4'] as const;
export const DEFAULT_TARGET = 'mysql-8.0';

/** `mysql-8.0.35`, `mariadb-10.11`, `mysql-8.4` → Target; undefined when not understood. Bare `mysql-8.0` means the latest 8.0 patch. */
export function parseTarget(label: string): Target | undefined {
  const m = /^(mysql|mariadb)-(\d+)\.(\d+)(?:\.(\d+))?$/i.exec(label.trim());
  if (!m) return undefined;
  const flavor = m[1].toLowerCase() as Target['flavor'];
  const major = Number(m[2]);
  const minor = Number(m[3]);
  const patch = m[4] !== undefined ? Number(m[4]) : 999;
  const known = flavor === 'mysql' ? major === 5 ? minor === 7 : major === 8 || major === 9 : major === 10 || major === 11 || major === 12;
  if (!known) return undefined;
  const canonical = `${flavor}-${major}.${minor}${m[4] !== undefined ? `.${patch}` : ''}`;
  return { flavor, version: [major, minor, patch], label: canonical };
}

/** version comparison: atLeast(t, 8, 0, 29) */
export function atLeast(target: Target, major: number, minor = 0, patch = 0): boolean {
  const [a, b, c] = target.version;
  if (a !== major) return a > major;
  if (b !== minor) return b > minor;
  return c >= patch;
}
