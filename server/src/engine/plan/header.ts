// The comment at the top of every generated file: which release it belongs to, what the
// application must do before the next release ships, and the queries that verify it.
import type { PlanDraft, ReleaseDraft } from './draft';

export function fileHeader(plan: PlanDraft, release: ReleaseDraft, releaseIndex: number, direction: 'up' | 'down'): string[] {
  const total = plan.releases.length;
  const lines = [`Lockstep plan (${plan.kind}): ${plan.summary}`, `${release.title} (release ${releaseIndex + 1} of ${total})`];
  if (direction === 'down') {
    lines.push('Undoes this release\'s migration; run it only before the next release ships.');
    return lines.map(comment);
  }
  lines.push(releaseIndex + 1 < total ? `Before release ${releaseIndex + 2} ships, the application must:` : 'The application, in this release:');
  for (const step of release.appSteps) lines.push(`  - ${step}`);
  if (release.verify.length > 0) {
    lines.push('Verify after this release (each query must return 0):');
    for (const q of release.verify) lines.push(`  ${q};`);
  }
  return lines.map(comment);
}

function comment(line: string): string {
  return `-- ${line}`.trimEnd();
}
