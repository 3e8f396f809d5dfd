/**
 * `feedsim/node`: the parts that need Node (files). The core entry (`feedsim`) imports none.
 * @packageDocumentation
 */
export { jsonLinesSink, csvSink } from './io/files.js';
export { loadEdgeList } from './graph/load-edge-list.js';
