/**
 * Random graph generators. Each takes a `rand` stream ({@link UniformRandom}) as its last argument so
 * that runs are reproducible from a seed; none uses the unseeded global generator.
 * @module
 */
export { barabasiAlbert } from './barabasi-albert.js';
export { configurationModel } from './configuration-model.js';
export { erdosRenyi } from './erdos-renyi.js';
export { powerLawDegrees } from './power-law-degrees.js';
export type { UniformRandom } from './rng.js';
export { stochasticBlockModel } from './stochastic-block-model.js';
export { wattsStrogatz } from './watts-strogatz.js';
