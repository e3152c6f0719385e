// Rule metadata for reporters: the registry's rules plus the findings the pipeline itself emits.
import { rules, type Severity, type SeveritySetting } from '../engine';
import { RULE_DOCS_BASE_URL } from '../lsp/docs';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: SeveritySetting;
}

const PIPELINE_RULES: readonly RuleInfo[] = [
  { id: 'unparsed-statement', description: 'A statement no parser understood, so no rule checked it.', defaultSeverity: 'info' },
  { id: 'internal-error', description: 'Lockstep failed while checking a statement.', defaultSeverity: 'info' },
  { id: 'unused-ignore', description: 'An ignore comment that suppressed nothing.', defaultSeverity: 'warning' },
];

/** the published docs page, the same link the language server gives editors */
export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE_URL}${encodeURIComponent(id)}.md`;
}

export function ruleInfo(id: string): RuleInfo {
  const rule = rules.find((r) => r.meta.id === id);
  if (rule) return { id, description: rule.meta.description, defaultSeverity: rule.meta.defaultSeverity };
  return PIPELINE_RULES.find((r) => r.id === id) ?? { id, description: id, defaultSeverity: 'warning' as Severity };
}
