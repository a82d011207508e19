// Types of demo-guide.mjs (plain JavaScript, run by Node) for the TypeScript that reads it: tests.
import type { DemoDataset } from './demo-dataset.mjs';

export function demoGuide(loaded: {
  data: DemoDataset;
  currentYear: number;
  planIds: Record<string, string>;
  fairs: { id: string; name: string }[];
  bookableFair: { id: string; name: string; registrationClosesAt: string; holdMinutes: number } | null;
  round: { id: string; name: string };
}): string[];
