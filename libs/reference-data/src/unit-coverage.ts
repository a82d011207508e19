import { reorganisations } from './lineage.data';

/**
 * How a list filter reads a unit code (query parameter `unitAsOf`): `current` (the default) as today's unit,
 * taking in the units that went into it; `recorded` as the code was recorded, the unit as it was.
 */
export const unitReadings = ['current', 'recorded'] as const;
export type UnitReading = (typeof unitReadings)[number];

/**
 * The platform's one rule for what a filter by a unit code matches, shared by every list, the province
 * officer's access and the conference roll-up: the unit and every unit whose territory went into it
 * (31 Hải Phòng covers the records of 30 Hải Dương and of the old 31 Hải Phòng). An ended unit's code (30)
 * or a code of no unit covers itself only; with `recorded`, every code covers itself only.
 * Codes suffice because every code still in use after 2025-07-01 continued its own unit.
 */
export function unitsCoveredBy(code: string, reading: UnitReading = 'current'): string[] {
  const covered = new Set([code]);
  if (reading === 'current') {
    // Newest first, so that a later reorganisation's predecessors bring in their own.
    for (const reorganisation of [...reorganisations].reverse()) {
      for (const [oldCode, successor] of Object.entries(reorganisation.successorByOldCode)) {
        if (covered.has(successor)) covered.add(oldCode);
      }
    }
  }
  return [...covered].sort();
}
