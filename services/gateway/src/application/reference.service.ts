import { Injectable } from '@nestjs/common';
import type { ActivityContentsView, ProvinceView, ProvincesView, RegionsView } from '@kc/contracts';
import {
  activityContents,
  currentUnitFor,
  provincesAsOf,
  regions,
  type ProvincialUnit,
} from '@kc/reference-data';
import { dayAfter, vietnamDate } from '../domain/vietnam-date';
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
    view.successorCode = currentUnitFor(unit.code, unit.validTo, dayAfter(unit.validTo)).code;
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

  regions(): RegionsView {
    const asOf = this.today();
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
