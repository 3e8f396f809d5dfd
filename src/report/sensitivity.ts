/**
 * The HTML report of a sensitivity study (`feedsim sensitivity --out`, then `feedsim report`): a
 * sentence first on what decides the answer, the emulator's verdict and the warnings beside it,
 * then each output with its chart (Morris's μ*–σ plane or Sobol's bars) and its table of indices,
 * and the study's factors and size. Self-contained like every report: no scripts, nothing
 * fetched, and the same summary gives the same bytes.
 * @module
 */
import type { Chart } from '../plots/charts.js';
import { outputTitle, sensitivityCharts } from '../plots/sensitivity.js';
import type { ChartLayout } from '../plots/theme.js';
import { reportFigures, reportPage, warningsBox } from './build.js';
import { escapeHtml as esc, num } from './format.js';
import { checkSensitivitySummary, type SensitivitySummary } from './sensitivity-summary.js';
import type { NoiseReport } from '../sensitivity/study.js';
import { answerOf, emulatorSentence, factorsTable, morrisTable, sensitivitySentence, sobolTable, unitOf } from './sensitivity-tables.js';
import type { SummaryContext } from './summary.js';

/** What {@link buildSensitivityReport} needs. */
export interface SensitivityReportInput {
  /** The study's `summary.json`. */
  summary: SensitivitySummary;
  /** Size of `runs.jsonl`, shown in the header. */
  runsFile?: { rows: number; runs: number };
  /** Further charts, after the outputs. */
  extraCharts?: Chart[];
  /** Context shown where the summary has none (e.g. from `manifest.json`). */
  context?: SummaryContext;
}

const CAPTIONS = {
  morris:
    'Each assumption\'s μ* — the mean absolute change of the output when it alone moves across its whole range; the line is its 95 % bootstrap interval — against σ, the spread of those changes. ' +
    'Far right: moves the output most; high: its effect depends on the other assumptions or is not linear. The most influential are named.',
  sobol:
    'The share of the output\'s variance each assumption explains alone (first order S₁) and takes part in with the others (total S_T), with 95 % bootstrap intervals; assumptions by total index.',
};

/** The charts of a study's report, one per output in the summary's order (each with its caption), then `extraCharts`. */
export function sensitivityReportCharts(input: Pick<SensitivityReportInput, 'summary' | 'extraCharts'>, layout: ChartLayout = {}): Chart[] {
  const s = checkSensitivitySummary(input.summary);
  return [...sensitivityCharts(s, layout).map((c) => ({ ...c, caption: CAPTIONS[s.method] })), ...(input.extraCharts ?? [])];
}

/** An output's element id: `output-difference`, `output-followers-like-chasing`. */
const outputId = (output: string) => `output-${output.replace(/[^A-Za-z0-9-]+/g, '-')}`;

/** The study's size and settings, and the factors it varied. */
function studySection(s: SensitivitySummary): string {
  const first = Object.values(s.outputs)[0];
  const design =
    first.method === 'morris'
      ? `Morris screening: ${s.points.toLocaleString('en-US')} design points on ${first.morris.trajectories} one-at-a-time trajectories`
      : `Sobol indices: a Saltelli sample of ${s.points.toLocaleString('en-US')} design points (base size ${first.sobol.N})`;
  const facts = `${design}; at each, ${s.strategies.join(' and ')} on ${s.replicates} paired replicate${s.replicates === 1 ? '' : 's'} (${s.runs.toLocaleString('en-US')} runs, seed ${s.seed}); outputs at cycle ${s.cycle}.`;
  return `<section id="study">\n<h2>Study</h2>\n<p>${esc(facts)}</p>\n${factorsTable(s)}\n</section>`;
}

/** What the replicates within points say of run-to-run noise (studies of one replicate a point say nothing). */
function noiseSentence(noise: NoiseReport | null | undefined): string {
  if (!noise || !Number.isFinite(noise.sdPerReplicate)) return '';
  const beyond = noise.muStarFloor !== undefined ? ` A μ* below ${num(noise.muStarFloor)} is within what noise alone gives.` : noise.varianceShare !== undefined ? ` Noise is ${num(noise.varianceShare * 100)} % of the output's variance over the design.` : '';
  return ` Run-to-run noise: a standard deviation of ${num(noise.sdPerReplicate)} per replicate, ${num(noise.sdOfPointMean)} for a point's mean.${esc(beyond)}`;
}

/**
 * Builds the HTML report of a sensitivity study: header, headline (which assumptions decide the
 * answer, the emulator's verdict and the warnings beside it), then per output its sentence,
 * chart (inline SVG drawn for every report width) and table, then the study's factors.
 * @example
 * ```ts
 * import { sensitivity } from 'feedsim';
 * import { buildSensitivityReport } from 'feedsim/report';
 * const r = await sensitivity({ scenario: { users: 800, cycles: 4 }, factors: ['market.buyers', 'behavior.follow.base'], trajectories: 4 });
 * const html = await buildSensitivityReport({ summary: { kind: 'sensitivity', ...r } });
 * ```
 */
export async function buildSensitivityReport(input: SensitivityReportInput): Promise<string> {
  const s = { ...input.context, ...checkSensitivitySummary(input.summary) };
  const outputs = Object.keys(s.outputs);
  const figures = await reportFigures((layout) => sensitivityReportCharts({ summary: s }, layout), input.extraCharts);
  const emulator = (output: string) => {
    const out = s.outputs[output];
    return out.method === 'sobol' && out.emulator ? `<p class="emulator">${emulatorSentence(out.emulator, s.points)}</p>` : '';
  };
  const answer = answerOf(s);
  const headline = [`<p class="verdict">${sensitivitySentence(s, answer)}</p>`, emulator(answer), warningsBox(s.warnings)].filter(Boolean).join('\n');
  const sections = outputs.map((output, i) => {
    const mean = s.means[output];
    const heading = `${esc(output)} <small>${esc(outputTitle(s, output))}</small>`;
    // The answer's sentence (and emulator) opens the page: its section does not repeat them.
    const said = output === answer;
    const body = [
      `<p>${said ? '' : `${sensitivitySentence(s, output)} `}Mean over the design: ${esc(num(mean) + unitOf(output))}.${noiseSentence(s.noise?.[output])}</p>`, said ? '' : emulator(output), figures[i],
      s.method === 'morris' ? morrisTable(s, output) : sobolTable(s, output),
    ];
    return `<section id="${esc(outputId(output))}" class="output">\n<h2>${heading}</h2>\n${body.filter(Boolean).join('\n')}\n</section>`;
  });
  const extra = figures.slice(outputs.length);
  if (extra.length) sections.push(`<section id="charts">\n<h2>Further charts</h2>\n${extra.join('\n')}\n</section>`);
  sections.push(studySection(s));
  const meta = [
    s.method === 'morris' ? 'Morris screening' : 'Sobol indices', `${s.factors.length} assumptions`, `${s.points.toLocaleString('en-US')} design points`,
    `${s.replicates} replicates`, `${s.runs.toLocaleString('en-US')} runs`, `cycle ${s.cycle}`, `seed ${s.seed}`,
  ];
  return reportPage({
    title: s.title ?? 'feedsim sensitivity study', meta, version: s.version, runsFile: input.runsFile, context: s,
    compared: `Strategies: <b>${esc(s.strategies[0])}</b> (baseline), <b>${esc(s.strategies[1])}</b> · outputs: ${outputs.map(esc).join(', ')}`,
    headline, sections: sections.join('\n'), css: 'h2 small { color: #555; font-size: 14px; font-weight: normal; margin-left: 6px; }\np.emulator { margin: 4px 0 8px; }',
  });
}
