// Whether the statement's own ALGORITHM=/LOCK= clause (or MariaDB's session `alter_algorithm`)
// can be honoured, and if not, the error the server raises. MariaDB reads ALGORITHM=X as "X or
// better"; MySQL runs exactly the requested algorithm. Neither silently falls back to a weaker one.
import type { Algorithm, DdlOptions, LockLevel, SessionState, Statement, Target } from '../types';
import { ALGORITHM_COST, LOCK_STRENGTH } from './combine';
import type { Combined } from './combine';
import { copyAllowsNoLock, REFUSE } from './facts';

interface Requested {
  algorithm?: Algorithm;
  lock?: LockLevel;
  /** the algorithm comes from `SET alter_algorithm`, not from the statement */
  viaSession: boolean;
}

function requested(options: DdlOptions, session: SessionState, target: Target): Requested {
  const algorithm = options.algorithm && options.algorithm !== 'DEFAULT' ? options.algorithm : undefined;
  const lock = options.lock && options.lock !== 'DEFAULT' ? options.lock : options.online ? 'NONE' : undefined;
  if (algorithm || target.flavor !== 'mariadb') return { algorithm, lock, viaSession: false };
  const fromSession = session.alterAlgorithm?.replace(/'/g, '').toUpperCase();
  const valid = ['INSTANT', 'NOCOPY', 'INPLACE', 'COPY'] as const;
  const sessionAlgorithm = valid.find((a) => a === fromSession);
  return { algorithm: sessionAlgorithm, lock, viaSession: sessionAlgorithm !== undefined };
}

function fill(message: string, algorithm: Algorithm): string {
  return message.replace(/%A/g, algorithm);
}

function syntaxRefusal(statement: Statement, combined: Combined, target: Target, req: Requested): string | undefined {
  const written = !req.viaSession && (req.algorithm !== undefined || req.lock !== undefined || statement.ddlOptions.algorithm !== undefined || statement.ddlOptions.lock !== undefined);
  if (!written) return undefined;
  const noClause = combined.clauses.find((c) => c.fact.noClause);
  if (noClause?.fact.noClause) return noClause.fact.noClause;
  if (target.flavor === 'mariadb' && statement.kind === 'drop-index') return REFUSE.dropIndexSyntax;
  if (target.flavor === 'mysql' && req.algorithm === 'NOCOPY') return '1064 ALGORITHM=NOCOPY is MariaDB syntax';
  if (target.flavor === 'mysql' && req.algorithm === 'INSTANT' && req.lock) return `1221 Incorrect usage of ALGORITHM=INSTANT and LOCK=${req.lock}`;
  return undefined;
}

function algorithmRefusal(statement: Statement, combined: Combined, target: Target, req: Requested): string | undefined {
  const asked = req.algorithm;
  if (!asked) return undefined;
  if (req.viaSession) {
    if (combined.clauses.every((c) => c.fact.ignoresAlterAlgorithm)) return undefined;
    const refusing = combined.clauses.find((c) => c.fact.alterAlgorithmRefusal);
    if (refusing?.fact.alterAlgorithmRefusal) return refusing.fact.alterAlgorithmRefusal;
    if (statement.kind === 'optimize-table' && ALGORITHM_COST[asked] < ALGORITHM_COST[combined.algorithm]) {
      return `alter_algorithm=${asked}: OPTIMIZE TABLE reports the refusal as a result row (Msg_type=error), not as an SQL error`;
    }
  }
  if (asked === 'COPY') {
    const refusing = combined.clauses.find((c) => c.fact.copyRefusal);
    return refusing?.fact.copyRefusal;
  }
  const best = combined.algorithm;
  if (target.flavor === 'mariadb') {
    const acceptedAnyway = combined.clauses.some((c) => c.fact.acceptsAnyway?.includes(asked))
      && combined.clauses.every((c) => c.fact.acceptsAnyway?.includes(asked) || ALGORITHM_COST[asked] >= ALGORITHM_COST[c.fact.algorithm]);
    if (acceptedAnyway || ALGORITHM_COST[asked] >= ALGORITHM_COST[best]) return undefined;
    return fill(combined.decisive.fact.refusal ?? REFUSE.generic(best), asked);
  }
  // MySQL: INSTANT only when everything is instant; INPLACE unless something needs COPY
  const own = combined.clauses.find((c) => c.instantRefusal)?.instantRefusal;
  if (asked === 'INSTANT' && best !== 'INSTANT' && own) return own;
  if (asked === 'INSTANT' && best !== 'INSTANT') return `1846 ALGORITHM=INSTANT is not supported. Reason: ${combined.decisive.detail}. Try ALGORITHM=${best === 'COPY' ? 'COPY' : 'INPLACE'}`;
  if (asked === 'INPLACE' && best === 'COPY') return `1846 ALGORITHM=INPLACE is not supported. Reason: ${combined.decisive.detail}. Try ALGORITHM=COPY`;
  return undefined;
}

function lockRefusal(combined: Combined, target: Target, req: Requested): string | undefined {
  const asked = req.lock;
  if (!asked) return undefined;
  let needed = combined.lock;
  let refusal = combined.lockReason?.refusal;
  if (req.algorithm === 'COPY' && combined.algorithm !== 'COPY' && !copyAllowsNoLock(target) && LOCK_STRENGTH[needed] < LOCK_STRENGTH.SHARED) {
    needed = 'SHARED';
    refusal = REFUSE.copyLock;
  }
  if (LOCK_STRENGTH[asked] >= LOCK_STRENGTH[needed]) return undefined;
  return refusal ?? `1846 LOCK=${asked} is not supported. Reason: ${combined.lockReason?.detail ?? combined.decisive.detail}. Try LOCK=${needed}`;
}

/** the error the server raises for the statement's ALGORITHM/LOCK request, or undefined when it is honoured */
export function rejection(statement: Statement, combined: Combined, target: Target, session: SessionState): string | undefined {
  const req = requested(statement.ddlOptions, session, target);
  return syntaxRefusal(statement, combined, target, req) ?? algorithmRefusal(statement, combined, target, req) ?? lockRefusal(combined, target, req);
}
