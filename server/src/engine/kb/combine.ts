// Merges the facts of a statement's clauses: the statement is as weak as its weakest clause, plus
// the combination effects the servers have (instant column changes bundled with index builds or
// non-instant work; MariaDB's VIRTUAL column add/drop with other actions) and the table context
// (FULLTEXT / SPATIAL indexes, ON … CASCADE foreign keys, COPY needing a lock).
import type { Algorithm, LockLevel, Statement, TableDef, Target } from '../types';
import type { Classified } from './table-context';
import { fulltextCount } from './table-context';
import { copyAllowsNoLock, lookupFact, MEASURED, REFUSE } from './facts';
import type { Fact } from './facts';

export const ALGORITHM_COST: Record<Algorithm, number> = { INSTANT: 0, NOCOPY: 1, INPLACE: 2, COPY: 3 };
export const LOCK_STRENGTH: Record<LockLevel, number> = { NONE: 0, SHARED: 1, EXCLUSIVE: 2 };

export interface ResolvedClause extends Classified {
  fact: Fact;
}

export interface Combined {
  algorithm: Algorithm;
  lock: LockLevel;
  rebuild: boolean;
  /** the clause that decides the algorithm (worst one) */
  decisive: ResolvedClause;
  /** the clause or context that decides the lock, with the server's refusal of a weaker LOCK */
  lockReason?: { detail: string; refusal?: string };
  clauses: ResolvedClause[];
  /** partitions re-created without a table rebuild */
  rewritesPartitions?: string[] | 'all';
}

function degrade(clause: ResolvedClause, algorithm: Algorithm, rebuild: boolean, note: string): ResolvedClause {
  return {
    ...clause,
    detail: `${clause.detail} ${note}`,
    fact: { ...clause.fact, algorithm, rebuild, refusal: REFUSE.generic(algorithm), lock: clause.fact.lock },
  };
}

/** MariaDB: VIRTUAL column add/drop cannot be combined with other actions, except index changes (then NOCOPY) */
function virtualCombination(clauses: ResolvedClause[]): ResolvedClause[] {
  const virtual = clauses.filter((c) => c.virtualAddDrop);
  const others = clauses.filter((c) => !c.virtualAddDrop);
  if (virtual.length === 0 || others.length === 0) return clauses;
  if (others.every((c) => c.indexOnly)) {
    const needsLock = others.some((c) => c.coversNewVirtual);
    return clauses.map((c) =>
      c.virtualAddDrop
        ? { ...c, detail: `${c.detail} combined with index changes`, fact: { ...c.fact, algorithm: 'NOCOPY', lock: needsLock ? 'SHARED' : 'NONE', rebuild: false, source: MEASURED, refusal: REFUSE.addIndex, lockRefusal: REFUSE.virtualLock } }
        : c,
    );
  }
  return clauses.map((c) =>
    c.virtualAddDrop
      ? { ...c, detail: `${c.detail} combined with other actions`, fact: { ...c.fact, algorithm: 'COPY', lock: 'SHARED', rebuild: true, source: MEASURED, refusal: REFUSE.virtualCombined } }
      : c,
  );
}

/**
 * Instant clauses next to work they cannot share an instant change with.
 * MySQL: INSTANT cannot be combined with non-INSTANT actions: everything runs in place.
 * MariaDB: instant column add/drop/reorder next to an index build or a rebuild is done by rebuilding.
 */
function instantFallback(clauses: ResolvedClause[], target: Target): ResolvedClause[] {
  return clauses.map((c, i) => {
    if (c.fact.algorithm !== 'INSTANT') return c;
    const others = clauses.filter((_, j) => j !== i);
    if (target.flavor === 'mysql') {
      const blocker = others.find((o) => o.fact.algorithm !== 'INSTANT');
      return blocker ? degrade(c, 'INPLACE', !!c.fact.inplaceRebuild, `(done in place next to ${blocker.detail})`) : c;
    }
    if (!c.fact.inplaceRebuild) return c;
    const blocker = others.find((o) => o.buildsIndex || o.fact.buildsIndex || (o.fact.rebuild && o.fact.algorithm !== 'COPY'));
    return blocker ? degrade(c, 'INPLACE', true, `(rebuilt next to ${blocker.detail})`) : c;
  });
}

function worst(clauses: ResolvedClause[]): ResolvedClause {
  return clauses.reduce((a, b) => {
    const da = ALGORITHM_COST[a.fact.algorithm] - ALGORITHM_COST[b.fact.algorithm];
    if (da !== 0) return da > 0 ? a : b;
    const dl = LOCK_STRENGTH[a.fact.lock] - LOCK_STRENGTH[b.fact.lock];
    if (dl !== 0) return dl > 0 ? a : b;
    return b.fact.rebuild && !a.fact.rebuild ? b : a;
  });
}

function hasCascadingForeignKey(table: TableDef | undefined): boolean {
  const cascading = new Set(['CASCADE', 'SET NULL']);
  return !!table?.foreignKeys.some((fk) => cascading.has(fk.onDelete ?? '') || cascading.has(fk.onUpdate ?? ''));
}

export function combine(classified: Classified[], table: TableDef | undefined, target: Target, statement?: Statement): Combined | null {
  if (classified.length === 0) return null;
  let clauses: ResolvedClause[] = classified.map((c) => ({ ...c, fact: lookupFact(c.cls, target) }));
  // RENAME TO's exclusive lock only holds when it is the statement's only action (measured)
  if (clauses.length > 1) clauses = clauses.map((c) => (c.cls === 'rename-table' ? { ...c, fact: { ...c.fact, lock: 'NONE', lockRefusal: undefined } } : c));
  if (target.flavor === 'mariadb') clauses = virtualCombination(clauses);
  clauses = instantFallback(clauses, target);

  const decisive = worst(clauses);
  let algorithm = decisive.fact.algorithm;
  const rebuild = clauses.some((c) => c.fact.rebuild);
  const lockClause = clauses.reduce((a, b) => (LOCK_STRENGTH[b.fact.lock] > LOCK_STRENGTH[a.fact.lock] ? b : a));
  let lock = lockClause.fact.lock;
  let lockReason: Combined['lockReason'] = lock === 'NONE' ? undefined : { detail: lockClause.detail, refusal: lockClause.fact.lockRefusal };
  const raise = (level: LockLevel, detail: string, refusal?: string) => {
    if (LOCK_STRENGTH[level] > LOCK_STRENGTH[lock]) {
      lock = level;
      lockReason = { detail, refusal };
    }
  };

  const inPlaceRebuild = rebuild && algorithm === 'INPLACE';
  const ft = fulltextCount(table, statement);
  if (inPlaceRebuild && ft > 1 && target.flavor === 'mariadb') {
    algorithm = 'COPY';
    raise('SHARED', `rebuilding a table with ${ft} FULLTEXT indexes`, REFUSE.copyLock);
  } else if (inPlaceRebuild && ft > 0) raise('SHARED', 'rebuilding a table with a FULLTEXT index', REFUSE.fulltextLock);
  if (inPlaceRebuild && table?.indexes.some((i) => i.kind === 'spatial')) raise('SHARED', 'rebuilding a table with a SPATIAL index', REFUSE.spatialLock);
  if (target.flavor === 'mysql' && algorithm !== 'INSTANT' && hasCascadingForeignKey(table)) raise('SHARED', 'ON … CASCADE / SET NULL foreign keys on the table', REFUSE.cascadeLock);
  if (algorithm === 'COPY') {
    const online = copyAllowsNoLock(target) && !clauses.some((c) => c.cls === 'add-column-auto-increment') && lock !== 'EXCLUSIVE';
    if (online) {
      lock = 'NONE';
      lockReason = undefined;
    } else if (lock === 'NONE') raise('SHARED', 'the COPY algorithm', REFUSE.copyLock);
    else if (!lockReason?.refusal) lockReason = { detail: lockReason?.detail ?? 'the COPY algorithm', refusal: REFUSE.copyLock };
  }
  return { algorithm, lock, rebuild, decisive, lockReason, clauses, ...partitionRewrites(clauses, rebuild) };
}

/** the partitions the clauses re-create, when the table itself is not rebuilt */
function partitionRewrites(clauses: ResolvedClause[], rebuild: boolean): { rewritesPartitions?: string[] | 'all' } {
  if (rebuild) return {};
  const rewriting = clauses.filter((c) => c.fact.rewritesPartitions);
  if (rewriting.length === 0) return {};
  if (rewriting.some((c) => c.fact.rewritesPartitions === 'all' || c.partitions === 'all' || !c.partitions?.length)) return { rewritesPartitions: 'all' };
  const names = rewriting.flatMap((c) => (Array.isArray(c.partitions) ? c.partitions : []));
  return { rewritesPartitions: [...new Set(names)] };
}
