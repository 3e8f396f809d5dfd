/**
 * Constants the playground's build defines (playground/build.ts).
 * @module
 */

/** The worker's bundled source, started from a Blob URL (no file to fetch, so file:// works). */
declare const __WORKER_SOURCE__: string;
