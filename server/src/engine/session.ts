// Session settings that earlier statements of a file put in force (SET SESSION …).
import type { SessionState, Statement } from './types';

export function initialSession(): SessionState {
  return { foreignKeyChecks: true, sqlModeStrict: true };
}

export function nextSession(state: SessionState, statement: Statement): SessionState {
  if (statement.kind !== 'set' || !statement.assignments) return state;
  let next = state;
  for (const a of statement.assignments) {
    // SET GLOBAL only affects sessions opened later, not the migration's own
    if (a.scope !== 'session') continue;
    const value = a.value.toUpperCase();
    if (a.name === 'lock_wait_timeout' || a.name === 'innodb_lock_wait_timeout') {
      if (a.name === 'lock_wait_timeout') {
        const n = Number(value);
        next = { ...next, lockWaitTimeout: Number.isFinite(n) ? n : undefined };
      }
    } else if (a.name === 'foreign_key_checks') {
      next = { ...next, foreignKeyChecks: !(value === '0' || value === 'OFF' || value === 'FALSE') };
    } else if (a.name === 'sql_mode') {
      next = { ...next, sqlModeStrict: /STRICT_(TRANS|ALL)_TABLES|TRADITIONAL/.test(value) };
    } else if (a.name === 'alter_algorithm') {
      next = { ...next, alterAlgorithm: value };
    }
  }
  return next;
}
