/** The command-line flags of the bench scripts: `--name value`, numbers unless said otherwise. */
export const args = process.argv.slice(2);

/** The number after `--name`, or the fallback when the flag is absent. */
export function flag(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}
