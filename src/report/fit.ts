/**
 * The HTML report of a fit's directory (`feedsim fit --out`, optionally `feedsim advise`, then
 * `feedsim report`): the advice's answer first when there is one, then what the export taught
 * (a sentence, the posterior chart and the parameters' table), the posterior predictive check
 * (chart and table, any statistic the model does not reproduce as a warning), the advice's chart
 * and tables, the sampler's generations and the notes. Self-contained like every report: no
 * scripts, nothing fetched, and the same files give the same bytes.
 * @module
 */
import type { Advice } from '../calibrate/advise.js';
import type { FitResult } from '../calibrate/fit.js';
import type { Chart } from '../plots/charts.js';
import { fitCharts } from '../plots/fit.js';
import type { ChartLayout } from '../plots/theme.js';
import { reportFigures, reportPage, warningsBox } from './build.js';
import { checkAdvice, checkFitResult } from './fit-summary.js';
import { adviceTables, FIT_CSS, generationsTable, learnedSentence, parametersTable, predictiveTable, predictiveWarnings } from './fit-tables.js';
import { escapeHtml as esc } from './format.js';
import type { SummaryContext } from './summary.js';

/** What {@link buildFitReport} needs. */
export interface FitReportInput {
  /** The fit (`fit.json`). */
  fit: FitResult;
  /** Its advice (`advice.json`), when `feedsim advise` has run. */
  advice?: Advice;
  /** Further charts, after the fit's own. */
  extraCharts?: Chart[];
  /** What the fit was made with (e.g. from the directory's `input.json`). */
  context?: SummaryContext;
}

const CAPTIONS: Record<string, string> = {
  posterior: 'Each fitted parameter\'s posterior: the particles\' weights in bins equal on the log scale, over the prior\'s range (shaded). A histogram about as flat as the dashed line (the prior\'s own weight per bin) is a parameter the export did not inform.',
  predictive: 'Each statistic of the export beside its values in runs at posterior draws: where the red diamond (observed) falls outside the band (90 % of the simulations), the model at its fitted parameters does not reproduce that part of the export.',
  advice: 'The share of posterior draws in which the challenger\'s cumulative net return is ahead of the baseline\'s, by cycle; dashed: half the draws.',
};

/** The charts of a fit's report in reading order (posterior, predictive check and, with advice, the advice's curve), each with its caption, then `extraCharts`. */
export function fitReportCharts(input: Pick<FitReportInput, 'fit' | 'advice' | 'extraCharts'>, layout: ChartLayout = {}): Chart[] {
  const f = checkFitResult(input.fit);
  const advice = input.advice === undefined ? undefined : checkAdvice(input.advice);
  return [...fitCharts(f, advice, layout).map((c) => ({ ...c, caption: CAPTIONS[c.name] })), ...(input.extraCharts ?? [])];
}

const section = (id: string, heading: string, body: string[]) => `<section id="${id}">\n<h2>${heading}</h2>\n${body.filter(Boolean).join('\n')}\n</section>`;

/**
 * Builds the HTML report of a fit and, when given, its advice.
 * @example
 * ```ts
 * import { fit, syntheticExport } from 'feedsim';
 * import { buildFitReport } from 'feedsim/report';
 * const { export: data } = syntheticExport({ posts: 8, days: 4, users: 300, followers: 15 });
 * const html = await buildFitReport({ fit: await fit({ export: data, users: 300, particles: 16, maxSimulations: 48, checks: 4 }) });
 * ```
 */
export async function buildFitReport(input: FitReportInput): Promise<string> {
  const f = checkFitResult(input.fit);
  const advice = input.advice === undefined ? undefined : checkAdvice(input.advice);
  const own = fitCharts(f, advice).map((c) => c.name);
  const figures = await reportFigures((layout) => fitReportCharts({ fit: f, advice }, layout), input.extraCharts);
  const figure = (name: string) => figures[own.indexOf(name)] ?? '';
  const learned = `<p${advice ? '' : ' class="verdict"'}>${learnedSentence(f)}</p>`;
  const headline = [advice ? `<p class="verdict">${esc(advice.headline)}</p>` : '', learned, warningsBox(predictiveWarnings(f))].filter(Boolean).join('\n');
  const sections = [
    section('posterior', 'Posterior', [figure('posterior'), parametersTable(f)]),
    section('predictive', 'Posterior predictive check', [figure('predictive'), predictiveTable(f)]),
    advice ? section('advice', 'Advice', [figure('advice'), adviceTables(advice)]) : '',
    figures.length > own.length ? section('charts', 'Further charts', figures.slice(own.length)) : '',
    section('sampler', 'Sampler', [generationsTable(f)]),
    f.notes.length ? section('notes', 'Notes', [`<ul>${f.notes.map((n) => `<li>${esc(n)}</li>`).join('\n')}</ul>`]) : '',
  ];
  const w = f.world;
  const meta = [
    `${w.posts} posts over ${w.days} days`, `${w.realFollowers.toLocaleString('en-US')} followers (${w.startingFollowers.toLocaleString('en-US')} simulated)`,
    `${f.posterior.particles.length.toLocaleString('en-US')} particles`, `effective sample size ${Math.round(f.posterior.ess)}`, `${f.posterior.distinct} distinct`,
    `${f.simulations.toLocaleString('en-US')} simulations`, `seed ${f.seed}`,
  ];
  const compared = `Parameters: ${f.parameters.map((p) => `<b>${esc(p.path)}</b>`).join(', ')}${advice ? ` · advice: <b>${esc(advice.strategies[0])}</b> (baseline), <b>${esc(advice.strategies[1])}</b>` : ''}`;
  return reportPage({
    title: input.context?.title ?? 'feedsim fit', meta, version: input.context?.version ?? f.version, compared, headline,
    sections: sections.filter(Boolean).join('\n'), context: input.context ?? {}, css: FIT_CSS,
  });
}
