/**
 * `feedsim/node`: the parts that need Node (files). The core entry (`feedsim`) imports none.
 * @packageDocumentation
 */
export { jsonLinesSink, csvSink } from './io/files.js';
export { loadEdgeList } from './graph/load-edge-list.js';
export { loadScenarioFile, loadSweepFile, checkSweepDocument, readDocument, sweepFileSchema } from './io/scenario-file.js';
export type { LoadedScenario, SweepDocument } from './io/scenario-file.js';
export { readRunRecord, runRecordWriter, repairRunRecord } from './io/run-record.js';
export type { RunRecord, ReadRunRecordOptions } from './io/run-record.js';
export { FileRefusedError } from './io/refused.js';
export { RESULTS, EXPORT_FORMATS, readManifest, writeExports } from './io/results-dir.js';
export type { Manifest, ExportFormat } from './io/results-dir.js';
export { checkMemory, memoryLimit } from './experiment/memory-check.js';
export type { HeldRuns } from './experiment/memory-check.js';
export { scenarioJsonSchema } from './scenario/json-schema.js';
export { parseDocument, formatOf } from './scenario/file.js';
export type { DocumentFormat } from './scenario/file.js';
