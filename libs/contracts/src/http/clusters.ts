import { z } from 'zod';
import { provinceCode, text } from '../primitives';
import { ruleIssue, say } from '../messages';
import { unitAsOf } from './unit-filter';

export const clusterStatuses = [
  'planned',
  'established',
  'detailed-plan',
  'infrastructure',
  'operating',
] as const;
export type ClusterStatus = (typeof clusterStatuses)[number];
/** How a cluster's status reads in Vietnamese (views, exports); a new status needs its label to compile. */
export const clusterStatusLabels: Record<ClusterStatus, string> = {
  planned: 'Có trong quy hoạch',
  established: 'Đã thành lập',
  'detailed-plan': 'Đã có quy hoạch chi tiết',
  infrastructure: 'Đang đầu tư hạ tầng',
  operating: 'Đang hoạt động',
};

/**
 * Hectares with at most two decimals (62.5, 12.75). The service stores hundredths of a hectare, so the
 * decimals are checked on the number as written in the JSON rather than with float arithmetic.
 */
const hectares = z
  .number({ message: say('phải là số héc-ta', 'must be a number of hectares') })
  .min(0, say('không được âm', 'must not be negative'))
  .max(100_000, say('quá lớn', 'is too large'))
  .refine(
    (value) => /^\d+(\.\d{1,2})?$/.test(String(value)),
    ruleIssue('two-decimals', 'chỉ được có tối đa hai chữ số thập phân', 'must have at most two decimals'),
  );

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
        say(
          'phải gồm chữ và số theo nhóm cách nhau bằng gạch ngang, ví dụ CCN-37-012',
          'must be letters and digits in hyphen-separated groups, e.g. CCN-37-012',
        ),
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
      ctx.addIssue({
        ...ruleIssue('area-nesting', 'không được vượt totalAreaHa', 'must not exceed totalAreaHa'),
        path: ['leasableAreaHa'],
      });
    }
    if (cluster.leasedAreaHa !== undefined) {
      const [limit, limitName] =
        cluster.leasableAreaHa === undefined
          ? [cluster.totalAreaHa, 'totalAreaHa']
          : [cluster.leasableAreaHa, 'leasableAreaHa'];
      if (cluster.leasedAreaHa > limit) {
        ctx.addIssue({
          ...ruleIssue('area-nesting', `không được vượt ${limitName}`, `must not exceed ${limitName}`),
          path: ['leasedAreaHa'],
        });
      }
    }
  });
export type RegisterClusterRequest = z.infer<typeof registerClusterRequest>;

export const listClustersQuery = z.strictObject({
  provinceCode: provinceCode.optional(),
  unitAsOf,
  status: z.enum(clusterStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListClustersQuery = z.infer<typeof listClustersQuery>;

/** Hectares as the service answers them: hundredths of a hectare, divided by 100. */
const hectaresView = z.number().min(0);

export const clusterView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  provinceCode,
  commune: z.string().nullable(),
  status: z.enum(clusterStatuses),
  /** The status in Vietnamese. */
  statusLabel: z.string(),
  totalAreaHa: hectaresView,
  leasableAreaHa: hectaresView.nullable(),
  leasedAreaHa: hectaresView.nullable(),
  developerName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ClusterView = z.infer<typeof clusterView>;
