/**
 * Regenerates the charts the docs embed: docs/img/performance.svg from bench/results/latest.json
 * (docs/performance.md) and docs/img/validation.svg from the directed Erdős–Rényi validation
 * cases (docs/validation.md: simulation vs theory across R).
 *
 * Run: npx tsx bench/doc-plots.ts [--small] [--performance-only]
 *   --small            validation cases at the reduced size of `npm test` (seconds, not minutes)
 *   --performance-only skip the validation runs
 * `npm run reproduce` can call {@link writeValidationPlot} with the checks it already has.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performancePlot, validationPlot, validationPointsFromChecks, writeChart, type BenchResults, type CheckLike, type TheoryCurvePoint } from '../src/plots/index.js';
import { erdosRenyiSubcritical, erdosRenyiSupercritical, giantFraction, type Size } from '../test/validation/cases.js';

const docsImg = (name: string) => fileURLToPath(new URL(`../docs/img/${name}`, import.meta.url));

/** Mean degree of the validation graphs (test/validation/cases.ts). */
const MEAN_DEGREE = 10;

/** Theory of each Erdős–Rényi quantity as a function of R (names as test/validation/cases.ts writes them). */
const THEORY: Record<string, { range: [number, number]; f: (R: number) => number }> = {
  'mean cascade size (tree: root + resharers)': { range: [0.3, 0.88], f: (R) => 1 / (1 - R) },
  'mean users reached': { range: [0.3, 0.88], f: (R) => MEAN_DEGREE / (1 - R) },
  'P(large cascade)': { range: [1.2, 3.3], f: giantFraction },
  'fraction reached by a large cascade': { range: [1.2, 3.3], f: giantFraction },
  'fraction resharing in a large cascade': { range: [1.2, 3.3], f: (R) => (R / MEAN_DEGREE) * giantFraction(R) },
};

/** Smooth theory curves (60 points each) for the quantities present in `checks`. */
export function theoryCurves(checks: CheckLike[]): TheoryCurvePoint[] {
  const quantities = [...new Set(checks.map((c) => c.quantity))].filter((q) => q in THEORY);
  return quantities.flatMap((quantity) => {
    const { range: [a, b], f } = THEORY[quantity];
    return Array.from({ length: 60 }, (_, i) => {
      const R = a + ((b - a) * i) / 59;
      return { R, quantity, theory: f(R) };
    });
  });
}

/** Writes the validation chart of the Erdős–Rényi checks among `checks` (others are ignored). */
export async function writeValidationPlot(checks: CheckLike[], path = docsImg('validation.svg'), note?: string): Promise<string> {
  const er = checks.filter((c) => c.case.startsWith('Erdős–Rényi'));
  await writeChart(path, validationPlot(validationPointsFromChecks(er), { curve: theoryCurves(er), note }), 'validation');
  return path;
}

/** Writes the performance chart of a benchmark results file. */
export async function writePerformancePlot(bench: BenchResults, path = docsImg('performance.svg')): Promise<string> {
  await writeChart(path, performancePlot(bench), 'performance');
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bench = JSON.parse(readFileSync(new URL('./results/latest.json', import.meta.url), 'utf8')) as BenchResults;
  console.log(`wrote ${await writePerformancePlot(bench)}`);
  if (!process.argv.includes('--performance-only')) {
    const size: Size = process.argv.includes('--small') ? 'small' : 'full';
    const t0 = performance.now();
    const checks = [...erdosRenyiSubcritical(size), ...erdosRenyiSupercritical(size)];
    const users = checks[0]?.users.toLocaleString('en-US');
    const note = `${users} users, mean degree ${MEAN_DEGREE}; bars: ± each check's tolerance (4 Monte Carlo standard errors, plus the finite-size allowance docs/validation.md notes)`;
    console.log(`wrote ${await writeValidationPlot(checks, undefined, note)} (${checks.length} checks, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
}
