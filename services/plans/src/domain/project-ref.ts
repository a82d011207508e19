import type { FundingSource } from './annual-plan';

/** What plans keeps of a project (fed by the projects events) to decide about registrations and allocations. */
export interface ProjectRef {
  projectId: string;
  code: string;
  planId: string;
  provinceCode: string;
  fundingSource: FundingSource;
  status: string;
  totalCostVnd: number;
  requestedSupportVnd: number;
  appraisedSupportVnd: number | null;
  normCode: string | null;
  normUnits: number | null;
  startDate: string;
}
