import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `missing-online-assertion`.
export const missingOnlineAssertion: Rule = {
  meta: {
    id: 'missing-online-assertion',
    defaultSeverity: 'off',
    classes: ['LK'],
    description: 'an ALTER on an existing table with no ALGORITHM/LOCK clause',
    fixable: false,
  },
  check() {},
};
