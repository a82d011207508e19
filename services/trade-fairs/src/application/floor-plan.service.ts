import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@kc/contracts';
import { floorPlanSvg, type PlanBooth } from '../infrastructure/floor-plan-svg';
import { floorPlanBooths } from '../infrastructure/persistence/booths.queries';
import { mayManage, runsFair } from './registration-access';
import { fairOrThrow } from './fair-lookup';

/**
 * The fair's floor plan with each booth's state now. Who has a booth is shown only to those who may see that
 * registration (its business, its province, the agency) and to the fair's organiser.
 */
@Injectable()
export class FloorPlanService {
  constructor(private readonly dataSource: DataSource) {}

  async svg(principal: Principal, fairId: string): Promise<string> {
    const fair = await fairOrThrow(this.dataSource.manager, fairId);
    const organiser = runsFair(principal, fairId);
    // As GET booths: a hold past its deadline is free for anyone to take.
    const rows = await floorPlanBooths(this.dataSource.manager, fairId);
    const booths = rows.map(
      (r): PlanBooth => ({
        code: r.code,
        hall: r.hall,
        zone: r.zone,
        kind: r.kind,
        x: Number(r.x),
        y: Number(r.y),
        w: Number(r.w),
        h: Number(r.h),
        state: r.live_state,
        facilityName:
          r.live_state !== 'free' &&
          r.facility_tax_code &&
          (organiser ||
            mayManage(principal, {
              facilityTaxCode: r.facility_tax_code,
              facilityProvinceCode: r.facility_province_code!,
            }))
            ? r.facility_name
            : null,
      }),
    );
    return floorPlanSvg(fair.name, booths);
  }
}
