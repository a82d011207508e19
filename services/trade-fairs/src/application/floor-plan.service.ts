import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BoothKind, BoothState, Principal } from '@kc/contracts';
import { floorPlanSvg, type PlanBooth } from '../infrastructure/floor-plan-svg';
import { mayManage, runsFair } from './registration-access';
import { fairOrThrow } from './fair-lookup';

interface BoothRow {
  code: string;
  hall: string;
  zone: string | null;
  kind: BoothKind;
  x: string;
  y: string;
  w: string;
  h: string;
  live_state: BoothState;
  facility_name: string | null;
  facility_tax_code: string | null;
  facility_province_code: string | null;
}

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
    const rows: BoothRow[] = await this.dataSource.query(
      `SELECT b.code, b.hall, b.zone, b.kind, b.x, b.y, b.w, b.h,
              CASE WHEN b.state = 'held' AND r.hold_expires_at <= now() THEN 'free'
                   WHEN b.state = 'allocated' AND r.checked_in_at IS NOT NULL THEN 'checked-in'
                   ELSE b.state END AS live_state,
              r.facility_name, r.facility_tax_code, r.facility_province_code
         FROM booth b LEFT JOIN fair_registration r ON r.id = b.registration_id
        WHERE b.fair_id = $1 ORDER BY b.hall, b.code`,
      [fairId],
    );
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
