// Rule documentation for every front end (CLI reporters, language server): where a rule's page is
// and what a rule is. The pages ship with the package and the extension as docs/rules/<id>.md; a
// configured docs base (config `docsBase`, setting `lockstep.docsBase`, `--docs-base`) replaces them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsBaseFrom, rules, type SeveritySetting } from '../engine';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: SeveritySetting;
}

/** the findings the pipeline emits itself, beside the registry's rules */
const PIPELINE_RULES: readonly RuleInfo[] = [
  { id: 'unparsed-statement', description: 'A statement no parser understood, so no rule checked it.', defaultSeverity: 'info' },
  { id: 'internal-error', description: 'Lockstep failed while checking a statement.', defaultSeverity: 'info' },
  { id: 'unused-ignore', description: 'An ignore comment that suppressed nothing.', defaultSeverity: 'warning' },
];

export function ruleInfo(id: string): RuleInfo {
  const rule = rules.find((r) => r.meta.id === id);
  if (rule) return { id, description: rule.meta.description, defaultSeverity: rule.meta.defaultSeverity };
  return PIPELINE_RULES.find((r) => r.id === id) ?? { id, description: id, defaultSeverity: 'warning' };
}

/**
 * A configured docs base as a URL ending in `/`; undefined for none, an empty string, `local`
 * (the shipped pages) or anything that is not an http(s) or file URL.
 */
export function configuredDocsBase(value: string | undefined): string | undefined {
  return value === undefined ? undefined : docsBaseFrom(value);
}

/** the rule's page under the configured base, else the shipped page as a file:// URI */
export function ruleDocsUrl(ruleId: string, docsBase?: string): string {
  const base = configuredDocsBase(docsBase);
  if (base) return `${base}${encodeURIComponent(ruleId)}.md`;
  return pathToFileURL(join(shippedDocsFolder(), `${ruleId}.md`)).toString();
}

/** whether the id names a rule of the registry or one of the pipeline's own findings */
export function isKnownRule(id: string): boolean {
  return rules.some((r) => r.meta.id === id) || PIPELINE_RULES.some((r) => r.id === id);
}

/**
 * The page a docs command may open for a known rule: the URL it was given when that is http(s),
 * else the shipped page. Command arguments come back from the client, so `javascript:`,
 * `command:` or `file:` URIs in them are never forwarded.
 */
export function safeRuleDocsTarget(ruleId: string, url: unknown): string {
  if (typeof url === 'string' && isWebUrl(url)) return url;
  return ruleDocsUrl(ruleId);
}

function isWebUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s/]/i.test(text)) return false;
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

let shipped: string | undefined;

/** docs/rules beside the bundle's folder (dist/ in the package and the extension), or in the source tree */
export function shippedDocsFolder(): string {
  if (shipped === undefined) {
    const candidates = [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', '..', 'docs', 'rules')];
    shipped = candidates.find((c) => existsSync(c)) ?? candidates[0];
  }
  return shipped;
}
