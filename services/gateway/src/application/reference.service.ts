import { Injectable } from '@nestjs/common';
import type {
  ActivityContentsView,
  ProvinceDetailView,
  ProvinceView,
  ProvincesView,
  RegionsView,
} from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import {
  activityContents,
  currentUnitFor,
  findProvinceUpTo,
  nextDay,
  predecessorUnitsOf,
  provincesAsOf,
  regions,
  vietnamDate,
  type ProvincialUnit,
} from '@kc/reference-data';
import { Clock } from './clock';

function toView(unit: ProvincialUnit): ProvinceView {
  const view: ProvinceView = {
    code: unit.code,
    nameVi: unit.nameVi,
    nameEn: unit.nameEn,
    fullNameVi: unit.fullNameVi,
    kind: unit.kind,
    regionCode: unit.regionCode,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
  };
  // The unit that holds an ended unit's territory from the next day (Hà Nam → 37 Ninh Bình).
  if (unit.validTo !== null)
    view.successorCode = currentUnitFor(unit.code, unit.validTo, nextDay(unit.validTo)).code;
  return view;
}

/** Master data served by the gateway itself from @kc/reference-data; "today" is the date in Vietnam. */
@Injectable()
export class ReferenceService {
  constructor(private readonly clock: Clock) {}

  today(): string {
    return vietnamDate(this.clock.now());
  }

  provinces(asOf: string = this.today()): ProvincesView {
    return { asOf, items: provincesAsOf(asOf).map(toView) };
  }

  /**
   * The unit a code names on `asOf`. A code whose unit had ended by then is answered, not refused: it names
   * that unit as it last stood, with `inForce: false` and the successor holding its territory (old records
   * keep such codes). A code that had named no unit by `asOf` is unknown: 404.
   */
  province(code: string, asOf: string = this.today()): ProvinceDetailView {
    const unit = findProvinceUpTo(code, asOf);
    if (!unit) {
      throw new NotFoundError(
        {
          vi: `Không có đơn vị hành chính cấp tỉnh nào mang mã ${code} tính đến ngày ${asOf}`,
          en: `no provincial unit has had code ${code} by ${asOf}`,
        },
        'reference.province-not-found',
        'code',
      );
    }
    return {
      ...toView(unit),
      asOf,
      inForce: unit.validTo === null || asOf <= unit.validTo,
      predecessors: predecessorUnitsOf(unit).map(toView),
    };
  }

  regions(asOf: string = this.today()): RegionsView {
    const units = provincesAsOf(asOf);
    return {
      asOf,
      items: regions.map((region) => ({
        code: region.code,
        nameVi: region.nameVi,
        nameEn: region.nameEn,
        provinceCodes: units.filter((unit) => unit.regionCode === region.code).map((unit) => unit.code),
      })),
    };
  }

  activityContents(): ActivityContentsView {
    return { items: activityContents.map(({ code, nameVi, nameEn }) => ({ code, nameVi, nameEn })) };
  }
}
