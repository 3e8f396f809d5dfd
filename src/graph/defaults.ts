/**
 * The default mean degree of generated graphs, in one place: the default scenario, the
 * generators' fallback, the scenario check and the memory estimate all read it.
 * @module
 */

/** Mean follow degree of a generated graph when a scenario gives none (15: the bench and default world). */
export const DEFAULT_MEAN_DEGREE = 15;
