/** A sum that a number cannot hold exactly is an error, never a rounded figure. */
export function safeAdd(name: string, a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError(`${name} total ${sum} is not a safe integer`);
  return sum;
}
