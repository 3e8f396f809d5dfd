/** The package version, written on every output row (kept equal to package.json by a test). */
export const VERSION = '0.2.1';
