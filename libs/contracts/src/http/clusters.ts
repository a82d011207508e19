import { z } from 'zod';
import { provinceCode, text } from '../primitives';

export const clusterStatuses = [
  'planned',
  'established',
  'detailed-plan',
  'infrastructure',
  'operating',
] as const;
export type ClusterStatus = (typeof clusterStatuses)[number];

/**
 * Hectares with at most two decimals (62.5, 12.75). The service stores hundredths of a hectare, so the
 * decimals are checked on the number as written in the JSON rather than with float arithmetic.
 */
const hectares = z
  .number({ message: 'must be a number of hectares' })
  .min(0, 'must not be negative')
  .max(100_000, 'is too large')
  .refine((value) => /^\d+(\.\d{1,2})?$/.test(String(value)), 'must have at most two decimals');

/** POST /api/v1/clusters — enters an industrial cluster (CCN) in the registry. */
export const registerClusterRequest = z
  .strictObject({
    /** Upper-cased so that `ccn-37-012` and `CCN-37-012` cannot both be registered. */
    code: z
      .string()
      .trim()
      .toUpperCase()
      .max(50)
      .regex(
        /^[A-Z0-9]+(-[A-Z0-9]+)*$/,
        'must be letters and digits in hyphen-separated groups, e.g. CCN-37-012',
      ),
    name: text(300),
    provinceCode,
    commune: text(200).optional(),
    status: z.enum(clusterStatuses),
    totalAreaHa: hectares,
    leasableAreaHa: hectares.optional(),
    leasedAreaHa: hectares.optional(),
    developerName: text(300).optional(),
  })
  .superRefine((cluster, ctx) => {
    if (cluster.leasableAreaHa !== undefined && cluster.leasableAreaHa > cluster.totalAreaHa) {
      ctx.addIssue({ code: 'custom', path: ['leasableAreaHa'], message: 'must not exceed totalAreaHa' });
    }
    if (cluster.leasedAreaHa !== undefined) {
      const [limit, limitName] =
        cluster.leasableAreaHa === undefined
          ? [cluster.totalAreaHa, 'totalAreaHa']
          : [cluster.leasableAreaHa, 'leasableAreaHa'];
      if (cluster.leasedAreaHa > limit) {
        ctx.addIssue({ code: 'custom', path: ['leasedAreaHa'], message: `must not exceed ${limitName}` });
      }
    }
  });
export type RegisterClusterRequest = z.infer<typeof registerClusterRequest>;

export const listClustersQuery = z.strictObject({
  provinceCode: provinceCode.optional(),
  status: z.enum(clusterStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListClustersQuery = z.infer<typeof listClustersQuery>;

export interface ClusterView {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
  commune: string | null;
  status: ClusterStatus;
  totalAreaHa: number;
  leasableAreaHa: number | null;
  leasedAreaHa: number | null;
  developerName: string | null;
  createdAt: string;
}
