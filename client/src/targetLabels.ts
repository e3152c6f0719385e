// Human-readable names for target labels such as `mariadb-10.11` or `mysql-8.0.35`.
import { parseTarget } from '../../server/src/engine/targets';

export { KNOWN_TARGETS, DEFAULT_TARGET } from '../../server/src/engine/targets';

/** `mariadb-10.11` → `MariaDB 10.11`; an unknown label is returned unchanged. */
export function displayTarget(label: string): string {
  const target = parseTarget(label);
  if (!target) return label;
  const flavor = target.flavor === 'mysql' ? 'MySQL' : 'MariaDB';
  const [major, minor, patch] = target.version;
  const hasPatch = /\.\d+\.\d+$/.test(target.label);
  return `${flavor} ${major}.${minor}${hasPatch ? `.${patch}` : ''}`;
}
