/**
 * A sensitivity study as text: per output, the factors ranked with their intervals.
 * @module
 */
import type { SensitivityResult } from './study.js';

const num = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3));
const ci = (e: { estimate: number; lower: number; upper: number }): string => `${num(e.estimate)} [${num(e.lower)}, ${num(e.upper)}]`;

/** Markdown-style tables of a study: every output, factors by rank (Morris) or by total index (Sobol). */
export function formatSensitivity(r: SensitivityResult, o: { rows?: number } = {}): string {
  const shown = o.rows ?? 15;
  const lines = [
    `${r.method === 'morris' ? 'Morris screening' : 'Sobol indices'} of ${r.factors.length} factors: ${r.points.toLocaleString('en')} design points × ${r.replicates} replicates × 2 strategies = ${r.runs.toLocaleString('en')} runs (seed ${r.seed}).`,
    `Outputs at cycle ${r.cycle}: difference = ${r.strategies[1]} − ${r.strategies[0]} (cumulative net return); crossover = P(${r.strategies[1]} ahead for good by cycle ${r.cycle}).`,
  ];
  for (const [name, out] of Object.entries(r.outputs)) {
    lines.push('', `## ${name} (mean over the design ${num(r.means[name])})`, '');
    const noise = r.noise?.[name];
    if (noise) {
      const beyond = noise.muStarFloor !== undefined ? `; a μ* below ${num(noise.muStarFloor)} is within what noise alone gives (↑ marks intervals above it)` : noise.varianceShare !== undefined ? `; noise is ${(noise.varianceShare * 100).toFixed(0)} % of the output's variance over the design` : '';
      lines.push(`Run-to-run noise: SD ${num(noise.sdPerReplicate)} per replicate, ${num(noise.sdOfPointMean)} of a point's mean${beyond}.`, '');
    }
    if (out.method === 'morris') {
      const m = out.morris;
      const floor = noise?.muStarFloor;
      lines.push('| rank | factor | μ* [95 % CI] | μ | σ | rank range |', '|---:|---|---|---:|---:|---|');
      const order = m.factors.map((f, i) => ({ f, i })).sort((a, b) => a.f.rank - b.f.rank).slice(0, shown);
      for (const { f, i } of order) lines.push(`| ${f.rank} | ${r.factors[i].path} | ${ci(f.muStar)}${floor !== undefined && f.muStar.lower > floor ? ' ↑' : ''} | ${num(f.mu)} | ${num(f.sigma)} | ${f.rankRange[0]}–${f.rankRange[1]} |`);
      lines.push('', `Top ${m.top} stable in ${(m.topStability * 100).toFixed(0)} % of bootstrap resamples of the ${m.trajectories} trajectories.`);
    } else {
      const s = out.sobol;
      if (s.constant) {
        lines.push('The same at every design point: no variance to apportion.');
        continue;
      }
      if (out.emulator) lines.push(`Emulator: Q² ${out.emulator.q2.toFixed(3)}, 95 % interval coverage ${(out.emulator.coverage * 100).toFixed(0)} % — ${out.emulator.trusted ? 'trusted: indices from the emulator' : 'NOT trusted (Q² < 0.9): direct estimates below'}.`, '');
      lines.push('| factor | first order S₁ [95 % CI] | total S_T [95 % CI] |', '|---|---|---|');
      const order = s.factors.map((f, i) => ({ f, i })).sort((a, b) => b.f.total.estimate - a.f.total.estimate).slice(0, shown);
      for (const { f, i } of order) lines.push(`| ${r.factors[i].path} | ${ci(f.first)} | ${ci(f.total)} |`);
    }
  }
  for (const w of r.warnings) lines.push('', `warning: ${w}`);
  return lines.join('\n');
}
