// One-line, friendly output for the launcher, and the error type whose message is shown without a stack trace.

/** An expected failure: the CLI prints its message on one line and exits 1. */
export class LauncherError extends Error {
  constructor(message, { hint, cause } = {}) {
    super(message, cause ? { cause } : undefined);
    this.name = 'LauncherError';
    this.hint = hint;
  }
}

/**
 * A reporter prints one line per step. `quiet` silences everything but warnings (for scripts and test harnesses).
 * @param {{ quiet?: boolean, write?: (line: string) => void }} [opts]
 */
export function createReporter({ quiet = false, write } = {}) {
  const out = write || ((line) => process.stdout.write(`${line}\n`));
  const err = write || ((line) => process.stderr.write(`${line}\n`));
  return {
    ok: (msg) => quiet || out(`✓ ${msg}`),
    info: (msg) => quiet || out(`· ${msg}`),
    warn: (msg) => err(`! ${msg}`),
    line: (msg) => quiet || out(msg),
  };
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function sinceStart(t0) {
  return seconds(Date.now() - t0);
}

/** The first line of an error, without Node's "Error: " prefix, for messages like "could not reach X: <why>". */
export function why(e) {
  if (!e) return 'unknown error';
  if (e.code && !e.message) return e.code;
  const msg = String(e.message || e).split('\n')[0];
  if (e instanceof AggregateError && e.errors?.length) return why(e.errors[0]);
  return msg || e.code || 'unknown error';
}
