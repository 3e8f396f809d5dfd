/**
 * Checks that strategy labels reach every output of an experiment: the summary file's
 * per-label records, the tidy exports and the report. Shared by the reserved-names property
 * test and its full-size fuzz (issue 20, class 2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Names JavaScript objects know: as keys of ordinary objects they vanish or break lookups. */
export const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

/** What is missing for `labels` in a results directory (empty when every output has them). */
export function missingLabels(dir: string, labels: string[]): string[] {
  const missing: string[] = [];
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  const own = (o: unknown, k: string) => typeof o === 'object' && o !== null && Object.hasOwn(o, k);
  for (const [i, l] of labels.entries()) {
    if (summary.kind === 'compare') {
      for (const f of ['summary', 'economics', 'spendPerCycle', 'probabilityAhead']) if (!own(summary[f], l)) missing.push(`summary.json ${f}.${l}`);
      if (i > 0 && !own(summary.differences, l)) missing.push(`summary.json differences.${l}`);
      if (i > 0 && !summary.crossovers.some((x: { challenger: string }) => x.challenger === l)) missing.push(`summary.json crossovers ${l}`);
    } else if (summary.kind === 'sweep') {
      for (const p of summary.points) {
        if (!own(p.final, l)) missing.push(`summary.json points[${p.index}].final.${l}`);
        if (i > 0 && !own(p.difference, l)) missing.push(`summary.json points[${p.index}].difference.${l}`);
      }
    } else if (!summary.accounts.some((a: { strategy: string }) => a.strategy === l)) missing.push(`summary.json accounts ${l}`);
  }
  const strategies = (file: string, read: (text: string) => string[]) => {
    const seen = new Set(read(readFileSync(join(dir, file), 'utf8')));
    for (const l of labels) if (!seen.has(l)) missing.push(`${file} strategy ${l}`);
  };
  // The tidy column `strategy` is the 4th; labels hold no commas or quotes here.
  strategies('rows.csv', (t) => t.trim().split('\n').slice(1).map((line) => line.split(',')[3]));
  strategies('rows.jsonl', (t) => t.trim().split('\n').map((line) => JSON.parse(line).strategy));
  return missing;
}

/** What the report of `dir` lacks of `labels` (each named in its header and tables). */
export function missingFromReport(dir: string, labels: string[]): string[] {
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  return labels.filter((l) => !html.includes(`<b>${l}</b>`)).map((l) => `report.html ${l}`);
}
