import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { listProvinceFilter, provinceScope } from '@kc/auth';
import type { ContractDataQuery, ContractDataView, ContractLine, Principal } from '@kc/contracts';
import { BoothEntity } from '../infrastructure/persistence/booth.entity';
import { RegistrationEntity } from '../infrastructure/persistence/registration.entity';
import { policyView, SubsidyPoliciesService } from './subsidy-policies.service';
import { fairOrThrow } from './fair-lookup';
import { participantListOf } from './participant-list.service';

/**
 * The booth contract data of the payment dossier: one line per allocated facility with its booths, rent and
 * the support fixed when its province certified it (none before: only certified booths are supported).
 */
@Injectable()
export class ContractDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: SubsidyPoliciesService,
  ) {}

  async data(principal: Principal, fairId: string, query: ContractDataQuery): Promise<ContractDataView> {
    const provinceCodes = listProvinceFilter(principal, query.provinceCode, query.unitAsOf);
    const manager = this.dataSource.manager;
    const fair = await fairOrThrow(manager, fairId);
    const policy = await this.policies.policyOf(manager, fair);
    const registrations = await manager.getRepository(RegistrationEntity).find({
      where: { fairId, state: 'allocated', facilityProvinceCode: provinceCodes && In(provinceCodes) },
      order: { facilityProvinceCode: 'ASC', facilityTaxCode: 'ASC' },
    });
    const booths = await manager.getRepository(BoothEntity).find({
      where: { registrationId: In(registrations.map((r) => r.id)) },
      order: { code: 'ASC' },
    });
    const lines = registrations.map((r): ContractLine => {
      const own = booths.filter((b) => b.registrationId === r.id);
      return {
        registrationId: r.id,
        facilityTaxCode: r.facilityTaxCode,
        facilityName: r.facilityName,
        provinceCode: r.facilityProvinceCode,
        booths: own.map((b) => ({ code: b.code, hall: b.hall, zone: b.zone })),
        boothCount: own.length,
        rentVnd: r.certifiedRentVnd ?? own.reduce((sum, b) => sum + b.rentVnd, 0),
        supportVnd: r.certifiedSupportVnd ?? 0,
        certified: r.certifiedAt !== null,
        checkedIn: r.checkedInAt !== null,
      };
    });
    const sum = (pick: (l: ContractLine) => number) => lines.reduce((total, l) => total + pick(l), 0);
    return {
      fair: {
        id: fair.id,
        name: fair.name,
        provinceCode: fair.provinceCode,
        startDate: fair.startDate,
        endDate: fair.endDate,
      },
      policy: policy && policyView(policy),
      provinceCode: query.provinceCode ?? provinceScope(principal),
      provinceCodes: provinceCodes ?? null,
      lines,
      totals: {
        facilities: lines.length,
        booths: sum((l) => l.boothCount),
        rentVnd: sum((l) => l.rentVnd),
        supportVnd: sum((l) => l.supportVnd),
        certified: lines.filter((l) => l.certified).length,
      },
      participantList: await participantListOf(manager, fairId),
    };
  }
}
