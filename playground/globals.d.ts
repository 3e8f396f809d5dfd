/**
 * Constants the playground's build defines (playground/build.ts).
 * @module
 */

/** The worker's bundled source, started from a Blob URL (no file to fetch, so file:// works). */
declare const __WORKER_SOURCE__: string;

/** A CSV file imported as its text (the build's `.csv` loader): the fit panel's synthetic example. */
declare module '*.csv' {
  const text: string;
  export default text;
}
