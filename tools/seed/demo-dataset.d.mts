// Types of demo-dataset.mjs (plain JavaScript, run by Node) for the TypeScript that reads it: tests and e2e.

export interface DemoUnit {
  code: string;
  nameVi: string;
  fullNameVi: string;
  regionCode: 'north' | 'central' | 'south';
}

export type DemoStage =
  | 'draft'
  | 'registered'
  | 'base-appraised'
  | 'submitted'
  | 'ministry-appraised'
  | 'in-plan'
  | 'contracted'
  | 'in-progress'
  | 'extended'
  | 'accepted'
  | 'liquidated'
  | 'settled';

export interface DemoProject {
  /** The body of POST /api/v1/projects without the plan id. */
  create: {
    title: string;
    provinceCode: string;
    activityContents: number[];
    kcqgVnd: number;
    kcdpVnd: number;
    counterpartVnd: number;
    advanceCategory: string;
    beneficiaries: { taxCode: string; name: string; legalForm: string }[];
    [field: string]: unknown;
  };
  target: DemoStage;
  appraisedSupportVnd: number;
  allocatedVnd: number;
  startDate: string;
  endDate: string;
  baseAppraisedOn: string;
  ministryAppraisedOn: string;
  contract: { mode: 'contract'; signedOn: string } | null;
  reports: { month: string; percentDone: number }[];
  drawsAdvance: boolean;
  extension: { newEndDate: string; decidedOn: string; decisionNumber: string; reason: string } | null;
  acceptedOn: string | null;
  paymentOn: string | null;
  liquidatedOn: string | null;
  settledOn: string | null;
}

export interface DemoPlan {
  key: string;
  plan: {
    year: number;
    level: 'national' | 'provincial';
    provinceCode?: string;
    budgetVnd: number;
    registrationDeadline: string;
  };
  owner: 'central' | string;
  /** The assignment decision; null for a plan not decided yet. */
  decision: { number: string; signedOn: string } | null;
  projects: DemoProject[];
}

/** The body of POST /api/v1/fairs/{id}/registration-window. */
export interface DemoRegistrationWindow {
  opensAt: string;
  closesAt: string;
  holdMinutes: number;
  facilityBoothLimit: number;
}

export interface DemoDataset {
  plans: DemoPlan[];
  clusters: Record<string, unknown>[];
  fairs: { name: string; year: number; startDate: string; endDate: string; [field: string]: unknown }[];
  /** The fair open for booking today, by name, and its window; null where its host unit is not in force. */
  bookableFair: { name: string; window: DemoRegistrationWindow } | null;
}

export const STAGES: readonly DemoStage[];
export function reaches(target: DemoStage, stage: DemoStage): boolean;
export function splitExactly(totalVnd: number, weights: number[], minVnd: number): number[];
export function prng(seedText: string): { next(): number; int(min: number, max: number): number };
export function buildDemoDataset(input: {
  provinces2018: DemoUnit[];
  provincesNow: DemoUnit[];
  currentYear: number;
  today: string;
}): DemoDataset;
