/**
 * feedsim — a fast, seeded agent-based simulator of social-media feeds.
 *
 * The public face: scenarios and defaults, `simulate`, `createWorld` and `step`, strategies,
 * feed rankers and graphs. Everything here runs in Node, browsers and workers alike.
 * @packageDocumentation
 */
export { simulate } from './engine/simulate.js';
export type { SimulationResult, SimulateOptions, AccountSeries, CycleRecord, StepRecord, ByChannel } from './engine/simulate.js';
export { METRICS, COUNTER, COUNTERS, CYCLE_METRIC_NAMES } from './engine/metrics.js';
export type { MetricDef, MetricName, MetricUnit, MetricSource, DashboardFields, CycleMetricFields, StepMetricFields, MetricFields, OutputMetricDef } from './engine/metrics.js';
export { toRows, TIDY_COLUMNS } from './engine/tidy.js';
export type { TidyRow, RowSource } from './engine/tidy.js';
export { createWorld } from './engine/world.js';
export type { World, WorldOptions, FocalAccountView, EngineParams, Counterfactual } from './engine/world.js';
export type { PromotionParams } from './behavior/promotion.js';
export { step } from './engine/step.js';
export { isFollowing, hasNotifications, followersOf, worldBytes } from './engine/inspect.js';
export type { StepListener } from './engine/step.js';
export type { PostSummary } from './engine/focal-posts.js';
export { structuralVirality } from './engine/cascade.js';
export type { Cascade } from './engine/cascade.js';

export { defaultScenario } from './scenario/defaults.js';
export { resolveScenario } from './scenario/resolve.js';
export { ScenarioError, formatProblem } from './scenario/errors.js';
export type { ScenarioProblem } from './scenario/errors.js';
export { scenarioHash } from './scenario/hash.js';
export type * from './scenario/types.js';

export { likeChasing, followBuilding, mixed, adaptive, script, likeChasingDefaults, followBuildingDefaults } from './campaign/builtins.js';
export type { ScheduleParams, ScriptParams, ScriptedPost, MixedParams, AdaptiveParams } from './campaign/builtins.js';
export { registerStrategy, resolveStrategy, strategyKinds } from './campaign/registry.js';
export type { Strategy, StrategyFactory, StrategyView, StepPlan, PostPlan, AccountDashboard } from './campaign/strategy.js';
export { DEFAULT_TARGETING } from './campaign/targeting.js';
export { strategyFamilies, likeChasingFamily, followBuildingFamily, latinHypercube, recipeStrategy } from './campaign/families.js';
export type { StrategyFamily, ParamRange } from './campaign/families.js';
export { contest, HELD_OUT_BASE } from './contest/contest.js';
export type { ContestOptions, ContestResult, Finalist } from './contest/contest.js';
export type { FamilySearch, Candidate } from './contest/search.js';
export { ContestPending } from './contest/run-book.js';
export { contestHeadline, formatContest } from './contest/format.js';
export { contestStrategies } from './contest/strategies.js';
export { sensitivity, sensitivityPlan, analyseSensitivity } from './sensitivity/study.js';
export type { SensitivityOptions, SensitivitySettings, SensitivityPlan, SensitivityResult, OutputIndices, NoiseReport } from './sensitivity/study.js';
export { ASSUMPTIONS, assumptionFactors } from './sensitivity/assumptions.js';
export type { Assumption, AssumptionRange } from './sensitivity/assumptions.js';
export type { Factor } from './sensitivity/factor.js';
export { morrisDesign, morrisIndices, elementaryEffects } from './sensitivity/morris.js';
export type { MorrisDesign, MorrisFactor, MorrisResult } from './sensitivity/morris.js';
export { sobolSequence, SOBOL_MAX_DIMS } from './sensitivity/sobol-sequence.js';
export { saltelliSample } from './sensitivity/saltelli.js';
export type { SaltelliOptions } from './sensitivity/saltelli.js';
export { sobolIndices } from './sensitivity/sobol-indices.js';
export type { SobolIndices, FactorIndices, IndexEstimate, SobolIndicesOptions } from './sensitivity/sobol-indices.js';
export { fitGaussianProcess } from './sensitivity/gaussian-process.js';
export type { GaussianProcess, GaussianProcessOptions, GaussianProcessPrediction } from './sensitivity/gaussian-process.js';
export { heldOutAccuracy, splitAccuracy, emulatorTrust, TRUSTED_Q2 } from './sensitivity/emulator-accuracy.js';
export type { EmulatorAccuracy, SplitAccuracyOptions } from './sensitivity/emulator-accuracy.js';
export { emulatedSobol } from './sensitivity/emulated-sobol.js';
export type { EmulatorReport } from './sensitivity/emulated-sobol.js';
export { formatSensitivity } from './sensitivity/format.js';
export type { PaidTargeting } from './campaign/targeting.js';

export { registerRanker, rankerNames, chronological, engagement, interest, hybrid } from './feed/ranker.js';
export type { FeedRanker, RankContext, RankBatch, RankFeature, RankedChannel, RankerFactory } from './feed/ranker.js';
export { CHANNEL_NAMES } from './feed/channel.js';
export type { ChannelName } from './feed/channel.js';
export { exponentialFreshness, stretchedFreshness, registerFreshness } from './content/freshness.js';
export type { FreshnessCurve } from './content/freshness.js';

export * from './graph/index.js';
export { VERSION } from './version.js';
export { uniformStream, deriveSeed } from './rng.js';
export { independentCascade, memeCompetition } from './scenario/presets.js';
export type { IndependentCascadeOptions, CascadeSetup, MemeCompetitionOptions } from './scenario/presets.js';
export { runCascades } from './validation/cascades.js';
export type { CascadeMeasures, RunCascadesOptions } from './validation/cascades.js';

import { independentCascade as ic, memeCompetition as mc } from './scenario/presets.js';
/** Scenario presets: the independent-cascade and meme-competition reductions (functions); platform presets are in {@link platformPresets}. */
export const presets = { independentCascade: ic, memeCompetition: mc };
export { platformPresets, platformPresetNames } from './scenario/platforms.js';
export type { PlatformPreset, PlatformName } from './scenario/platforms.js';
export { scenarioSchema, strategySchema, shapeProblems } from './scenario/schema.js';
export { estimateWorldBytes, formatBytes } from './engine/memory-estimate.js';

export { compare, cycleMetrics, labelStrategies } from './experiment/compare.js';
export type { CompareOptions, CompareResult, MetricSeries, AdaptiveReplication } from './experiment/compare.js';
export { crossover, replicateCrossover, kaplanMeierMedian } from './experiment/crossover.js';
export type { Crossover } from './experiment/crossover.js';
export { tInterval, bootstrapInterval } from './experiment/intervals.js';
export type { Interval } from './experiment/intervals.js';
export { tQuantile, tCdf } from './experiment/t-distribution.js';
export { runEconomics } from './experiment/economics.js';
export type { Economics } from './experiment/economics.js';
export { executeRun } from './experiment/run.js';
export type { RunSpec, RunOutput } from './experiment/run.js';
export { sweep, sweepSpecs, sweepScenarios } from './experiment/sweep.js';
export type { SweepOptions, SweepResult, SweepPoint, SweepScenario } from './experiment/sweep.js';
export { expandDesign, applyPoint } from './experiment/design.js';
export type { Design, DesignPoint, FactorRange } from './experiment/design.js';
export { formatComparison, formatHeadline, formatSweep } from './experiment/format.js';
export { summariseSweep } from './experiment/sweep.js';
export { memorySink, csvLines, jsonLines, CSV_HEADER } from './io/sink.js';
// Calibration to an account's analytics export (docs/calibration.md).
export { readExport, readFollowerCounts, parseMapping, MAPPINGS, MAPPING_NAMES, ExportError } from './calibrate/export.js';
export type { AnalyticsExport, ExportPost, ExportPostKind, FollowerCount, ReadExportOptions, ExportMapping, MappingName, MappedField, CountField } from './calibrate/export.js';
export type { RequiredField } from './calibrate/mappings.js';
export type { DateOrder } from './calibrate/dates.js';
export type { ReadFollowerOptions } from './calibrate/followers.js';
export { exportCsv, followerCsv, EXPORT_COLUMNS } from './calibrate/export-csv.js';
export { exportStatistics, STATISTICS } from './calibrate/statistics.js';
export type { StatisticDef, StatisticsOptions, ExportStatistics } from './calibrate/statistics.js';
export { syntheticExport, SIMULATED_FIELDS } from './calibrate/synthetic.js';
export type { SyntheticExportOptions } from './calibrate/synthetic.js';
export { accountWorld } from './calibrate/account-world.js';
export type { AccountWorld, AccountWorldOptions } from './calibrate/account-world.js';
export { CALIBRATION_PARAMETERS } from './calibrate/parameters.js';
export type { CalibrationParameter } from './calibrate/parameters.js';
export { fit, FitPending } from './calibrate/fit.js';
export type { FitOptions, FitResult, ParameterPosterior, PredictiveCheck } from './calibrate/fit.js';
export { advise } from './calibrate/advise.js';
export type { AdviseOptions, Advice } from './calibrate/advise.js';
export { formatFit } from './calibrate/format.js';
export { abcSmc } from './calibrate/abc-smc.js';
export type { AbcSmcOptions, AbcSmcResult, AbcSmcCheckpoint, AbcStopReason, GenerationReport } from './calibrate/abc-smc.js';
export { posteriorSummary } from './calibrate/posterior-summary.js';
export type { ParameterSummary, WeightedParticles } from './calibrate/posterior-summary.js';
export type { Prior, PriorComponent, UniformPrior, LogUniformPrior, NormalPrior, LogNormalPrior, GammaPrior } from './calibrate/prior.js';

export type { RowSink } from './io/sink.js';

// What the public view of a world shows, for step-by-step inspection.
export { CHANNEL } from './feed/channel.js';
export type { BehaviorParams } from './behavior/params.js';
export type { Accounts } from './accounts/accounts.js';
export type { PostStore, PostView } from './content/posts.js';
export { readPost } from './content/posts.js';
export type { Population } from './population.js';
export type { Duration } from './time.js';
