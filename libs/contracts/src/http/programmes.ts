import { z } from 'zod';
import { provinceCode, year } from '../primitives';

/** GET /api/v1/programmes — khuyến công programmes (national and provincial) with content groups and targets. */
export const listProgrammesQuery = z.strictObject({
  /** Only programmes covering this year. */
  year: z.coerce.number().pipe(year).optional(),
  level: z.enum(['national', 'provincial']).optional(),
  provinceCode: provinceCode.optional(),
});
export type ListProgrammesQuery = z.infer<typeof listProgrammesQuery>;

export interface LegalBasisView {
  decisionNumber: string;
  /** null where the date is not recorded. */
  decisionDate: string | null;
  issuer: string;
}

export interface ContentGroupView {
  code: string;
  nameVi: string;
  nameEn: string;
  activityContents: number[];
  /** False when the split of activity contents into this group is not confirmed from the legal text. */
  verified: boolean;
}

export interface ProgrammeTargetView {
  contentGroupCode: string;
  indicatorVi: string;
  indicatorEn: string;
  /** null where the programme's figure is not recorded here. */
  targetValue: number | null;
  unit: string;
  verified: boolean;
}

export interface ProgrammeView {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  level: 'national' | 'provincial';
  provinceCode: string | null;
  firstYear: number;
  lastYear: number;
  legalBasis: LegalBasisView;
  verified: boolean;
  contentGroups: ContentGroupView[];
  targets: ProgrammeTargetView[];
}
