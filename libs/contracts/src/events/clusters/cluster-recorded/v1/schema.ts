import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode } from '../../../../primitives';

const centiHa = z.number().int().min(0);
const count = z.number().int().min(0);

/**
 * The registry's figures of one cluster after every change (registration, a lifecycle step with its decision,
 * new areas, tenants or infrastructure). A whole snapshot rather than a delta, so a reader that missed or
 * re-reads an event still converges: keep the highest `revision` per cluster.
 */
export const clusterRecordedV1 = defineEvent({
  type: 'clusters.cluster.recorded',
  version: 1,
  topic: 'clusters.cluster.events',
  summary:
    "An industrial cluster's registry figures after a change (a whole snapshot, numbered by revision).",
  payload: z.strictObject({
    clusterId: z.uuid(),
    /** 1 at registration, +1 at every change of the record. */
    revision: z.number().int().min(1),
    code: z.string().min(1).max(50),
    name: z.string().min(1).max(300),
    /** The provincial unit the cluster belongs to today. */
    provinceCode,
    commune: z.string().max(200).nullable(),
    status: z.enum(['planned', 'established', 'detailed-plan', 'infrastructure', 'operating', 'removed']),
    sizeCategory: z.enum(['standard', 'mountain-district', 'craft-village']),
    /** The date of the establishing decision; null while only on the provincial list. */
    establishedOn: isoDate.nullable(),
    areas: z.strictObject({
      totalCentiHa: centiHa,
      industrialCentiHa: centiHa.nullable(),
      leasableCentiHa: centiHa.nullable(),
      leasedCentiHa: centiHa.nullable(),
    }),
    /** Integer VND; null where the record does not know the figure. */
    investment: z.strictObject({ registeredVnd: count.nullable(), realisedVnd: count.nullable() }),
    /** Null: the cluster has no central wastewater plant, not even planned. */
    wastewaterPlant: z
      .strictObject({
        status: z.enum(['planned', 'under-construction', 'in-use']),
        capacityM3PerDay: count,
      })
      .nullable(),
    tenants: z.strictObject({ projects: count, operatingProjects: count, firms: count, workers: count }),
  }),
});
