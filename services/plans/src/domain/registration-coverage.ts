import type { CoverageStatus } from '@kc/contracts';

/**
 * Which provincial units have sent their registration report for a plan, and which have not: the units that
 * make up the plan's year, each with its reports. A report sent under a code merged away since (30 Hải Dương in
 * June 2025 for the 2026 plan) counts for the unit that took it over.
 */
export interface ExpectedUnit {
  code: string;
  nameVi: string;
}

export interface SentReport {
  id: string;
  provinceCode: string;
  reportNumber: string;
  sentOn: string;
  late: boolean;
  projects: number;
}

export interface CoverageRow {
  provinceCode: string;
  nameVi: string;
  status: CoverageStatus;
  projects: number;
  reports: SentReport[];
}

export function registrationCoverage(
  expected: readonly ExpectedUnit[],
  reports: readonly SentReport[],
  /** The expected unit a report's code counts for (itself, or the unit it went into). */
  countsFor: (code: string) => string | undefined,
): CoverageRow[] {
  return expected.map((unit) => {
    const own = reports
      .filter((r) => countsFor(r.provinceCode) === unit.code)
      .sort((a, b) => a.sentOn.localeCompare(b.sentOn));
    const status: CoverageStatus =
      own.length === 0 ? 'missing' : own.some((r) => !r.late) ? 'on-time' : 'late';
    return {
      provinceCode: unit.code,
      nameVi: unit.nameVi,
      status,
      projects: own.reduce((sum, r) => sum + r.projects, 0),
      reports: own,
    };
  });
}
