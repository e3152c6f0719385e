// Where a rule's documentation lives: the published docs/rules/<id>.md, or the copy shipped next to
// the bundle when the user asks for local docs. No LSP types: the CLI can use it too.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** the published docs folder (same base as the CLI's SARIF and text output) */
export const RULE_DOCS_BASE_URL = 'https://github.com/lockstep-sql/lockstep/blob/main/docs/rules/';

/** `docsBase`: a URL ending in `/`, or `local` for the docs folder shipped with the bundle */
export function ruleDocsUrl(ruleId: string, docsBase?: string): string {
  const file = `${encodeURIComponent(ruleId)}.md`;
  if (docsBase === 'local') {
    const local = localDocsFolder();
    if (local) return pathToFileURL(join(local, file)).toString();
    return RULE_DOCS_BASE_URL + file;
  }
  if (docsBase && /^(https?|file):\/\//.test(docsBase)) return docsBase.endsWith('/') ? docsBase + file : `${docsBase}/${file}`;
  return RULE_DOCS_BASE_URL + file;
}

/** docs/rules beside dist/ (installed extension or repository checkout) */
function localDocsFolder(): string | undefined {
  for (const candidate of [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', '..', 'docs', 'rules')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
