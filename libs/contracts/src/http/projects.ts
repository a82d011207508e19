import { z } from 'zod';
import { activityContentCode, provinceCode, text, vnd, year } from '../primitives';

export const projectStatuses = ['registered', 'approved'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** POST /api/v1/projects — register a project (đề án) under an annual plan. */
export const registerProjectRequest = z.strictObject({
  planId: z.uuid(),
  title: text(500),
  provinceCode,
  activityContents: z
    .array(activityContentCode)
    .min(1, 'must list at least one activity content')
    .max(9)
    .refine((codes) => new Set(codes).size === codes.length, 'must not repeat a content'),
  requestedSupportVnd: vnd.min(1, 'must be at least 1 VND'),
});
export type RegisterProjectRequest = z.infer<typeof registerProjectRequest>;

/** POST /api/v1/projects/:id/approve */
export const approveProjectRequest = z.strictObject({
  approvedSupportVnd: vnd.min(1, 'must be at least 1 VND'),
});
export type ApproveProjectRequest = z.infer<typeof approveProjectRequest>;

export const listProjectsQuery = z.strictObject({
  planId: z.uuid().optional(),
  year: z.coerce.number().pipe(year).optional(),
  provinceCode: provinceCode.optional(),
  status: z.enum(projectStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListProjectsQuery = z.infer<typeof listProjectsQuery>;

export interface ProjectView {
  id: string;
  code: string;
  planId: string;
  planYear: number;
  title: string;
  provinceCode: string;
  activityContents: number[];
  requestedSupportVnd: number;
  approvedSupportVnd: number | null;
  status: ProjectStatus;
  createdAt: string;
  approvedAt: string | null;
}
