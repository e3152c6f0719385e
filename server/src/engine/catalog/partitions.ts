// How partition maintenance changes a table's partitioning scheme in the catalog: partitions added,
// dropped, coalesced or reorganized. An unknown scheme stays unknown.
import type { Operation, PartitioningDef } from '../types';

type PartitionOp = Extract<Operation, { kind: 'partition' }>;

const lower = (names: readonly string[]) => names.map((n) => n.toLowerCase());

function dropNames(def: PartitioningDef, dropped: readonly string[]): PartitioningDef {
  const gone = new Set(lower(dropped));
  const names = def.names.filter((n) => !gone.has(n.toLowerCase()));
  const lastGone = def.names.length > 0 && gone.has(def.names[def.names.length - 1].toLowerCase());
  return { ...def, names, count: Math.max(0, def.count - gone.size), catchAll: def.catchAll && !lastGone };
}

/** REORGANIZE PARTITION a, b INTO (…): the new partitions take the place of the old ones */
function reorganize(def: PartitioningDef, old: readonly string[], into: PartitioningDef): PartitioningDef {
  const gone = new Set(lower(old));
  const at = def.names.findIndex((n) => gone.has(n.toLowerCase()));
  if (at < 0) return def;
  const kept = def.names.filter((n) => !gone.has(n.toLowerCase()));
  const names = [...kept.slice(0, at), ...into.names, ...kept.slice(at)];
  const lastReplaced = gone.has(def.names[def.names.length - 1].toLowerCase());
  return { ...def, names, count: def.count - gone.size + into.count, catchAll: lastReplaced ? into.catchAll : def.catchAll };
}

/** the scheme after the operation (undefined: not partitioned, or not known) */
export function nextPartitioning(current: PartitioningDef | undefined, op: PartitionOp): PartitioningDef | undefined {
  if (op.action === 'partition-by') return op.partitions;
  if (op.action === 'remove-partitioning' || !current) return op.action === 'remove-partitioning' ? undefined : current;
  const added = op.partitions;
  switch (op.action) {
    case 'add':
      if (!added) return current;
      return { ...current, names: [...current.names, ...added.names], count: current.count + added.count, catchAll: added.catchAll };
    case 'drop': return dropNames(current, op.names ?? []);
    case 'coalesce': return added ? { ...current, count: Math.max(0, current.count - added.count) } : current;
    case 'reorganize': return added ? reorganize(current, op.names ?? [], added) : current;
    default: return current;
  }
}
