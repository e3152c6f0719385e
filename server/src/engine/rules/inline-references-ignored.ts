import type { Rule } from './rule';

// TODO(rule author): implement check(); see hazards.md row `inline-references-ignored`.
export const inlineReferencesIgnored: Rule = {
  meta: {
    id: 'inline-references-ignored',
    defaultSeverity: 'error',
    classes: ['LK'],
    description: '`c INT REFERENCES p(id)` in a column definition',
    fixable: false,
  },
  check() {},
};
