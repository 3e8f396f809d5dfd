/**
 * What a report charts when a result has many strategies. Vega parses one nested condition per
 * category of a colour scale, recursively, so a chart of 1,000 strategies overflowed the stack
 * ("Maximum call stack size exceeded" from `feedsim report`), and 300 took half a minute; and
 * past the palette's ten colours lines cannot be told apart. The tables list every strategy.
 * @module
 */
import type { ReplicateValue } from '../plots/replicates.js';
import type { ResultsSummary } from './summary.js';

/** Strategies a comparison's charts show: the baseline and the first challengers, one colour each. */
export const MAX_CHARTED_STRATEGIES = 10;
/** Distinct winners a sweep's win map shows at most (its legend lists each). */
export const MAX_CHARTED_WINNERS = 100;

/** The summary the charts are drawn from, and how many strategies they leave out. */
export interface Charted {
  /** The summary cut to the charted strategies; undefined when nothing can be charted (a sweep with too many winners). */
  summary?: ResultsSummary;
  replicates?: ReplicateValue[];
  /** A sentence for the report when strategies are left out of the charts. */
  note?: string;
}

/** The part of `summary` (and its replicate values) the charts can show. */
export function charted(summary: ResultsSummary, replicates?: ReplicateValue[]): Charted {
  const all = summary.strategies;
  if (summary.kind === 'sweep') {
    const winners = new Set(summary.points.map((p) => p.winner));
    if (winners.size <= MAX_CHARTED_WINNERS) return { summary, replicates };
    return { note: `The win map is not drawn: its points have ${winners.size.toLocaleString('en')} different winners, more than the ${MAX_CHARTED_WINNERS} a legend can show; the tables list every point.` };
  }
  if (all.length <= MAX_CHARTED_STRATEGIES) return { summary, replicates };
  const kept = new Set(all.slice(0, MAX_CHARTED_STRATEGIES));
  return {
    summary: { ...summary, strategies: [...kept], crossovers: summary.crossovers.filter((x) => kept.has(x.challenger)) },
    replicates: replicates?.filter((r) => kept.has(r.strategy)),
    note: `The charts show the baseline and the first ${MAX_CHARTED_STRATEGIES - 1} challengers of ${all.length.toLocaleString('en')} strategies (one colour each); the tables list every strategy.`,
  };
}
