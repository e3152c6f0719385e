// A plan as Markdown: what "Show migration plan" opens and `lockstep plan` prints as text.
import type { Plan } from './types';

export function planToMarkdown(plan: Plan): string {
  const out: string[] = [`# Migration plan: ${plan.summary}`, '', `Kind: \`${plan.kind}\` · convention: ${plan.convention} · ${plan.releases.length} releases, in deployment order.`, ''];
  plan.releases.forEach((release, i) => {
    out.push(`## ${release.title}`, '');
    out.push(i + 1 < plan.releases.length ? `**Before release ${i + 2} ships, the application must:**` : '**The application:**', '');
    for (const step of release.appSteps) out.push(`- ${step}`);
    out.push('');
    if (release.verify.length > 0) {
      out.push('**Verify** (each query returns 0 when the release is complete):', '', '```sql', ...release.verify.map((q) => `${q};`), '```', '');
    }
    out.push('**Files:**', '');
    for (const file of release.files) out.push(`- \`${file.path}\`${file.direction === 'down' ? ' (down)' : ''}`);
    out.push('');
    for (const file of release.files) {
      out.push(`### \`${file.path}\``, '', '```sql', file.content.trimEnd(), '```', '');
    }
  });
  if (plan.notes && plan.notes.length > 0) out.push('## Notes', '', ...plan.notes.map((n) => `- ${n}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}
