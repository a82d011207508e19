import { parseArgs } from 'node:util';

/**
 * The flags of a benchmark (`--name value` or `--name=value`), parsed strictly by node:util; `--help` prints
 * the usage and exits. Values come back as strings for `numberFlag` and the callers' own conversions.
 */
export function benchFlags(
  argv: string[],
  names: readonly string[],
  usage: string,
): Record<string, string | undefined> {
  const options = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
  try {
    const { values } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    return values as Record<string, string | undefined>;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`);
  }
}

/** A numeric flag within bounds, or its default when absent. */
export function numberFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  { min, max, integer = false }: { min: number; max: number; integer?: boolean },
): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return n;
}
