import { Injectable } from '@nestjs/common';
import type { WatchlistItem, WatchlistPage, WatchlistQuery } from '@kc/contracts';
import { currentPrincipal, listProvinceFilter } from '@kc/auth';
import { vietnamDate } from '../domain/province-dates';
import { unitCounted } from '../domain/roll-up';
import { watchlistFlags } from '../domain/watchlist';
import { WatchlistQueries } from '../infrastructure/persistence/watchlist.queries';
import { Clock } from './clock';

/**
 * The projects at risk today. Each project is shown under the unit that holds its territory today (a 2018
 * project of Nam Định is Ninh Bình's now; a next year's project under its own), and the province and region
 * filters apply to that unit.
 */
@Injectable()
export class WatchlistService {
  constructor(
    private readonly queries: WatchlistQueries,
    private readonly clock: Clock,
  ) {}

  async list(query: WatchlistQuery): Promise<WatchlistPage> {
    const province = listProvinceFilter(currentPrincipal(), query.provinceCode);
    const today = vietnamDate(this.clock.now());
    const flagged: WatchlistItem[] = [];
    for (const project of await this.queries.candidates(query.year)) {
      const unit = unitCounted(project.provinceCode, project.provinceAsOf, today);
      if (province !== undefined && unit.code !== province) continue;
      if (query.regionCode !== undefined && unit.regionCode !== query.regionCode) continue;
      const flags = watchlistFlags(project, today);
      if (flags.length === 0) continue;
      flagged.push({
        projectId: project.projectId,
        code: project.code,
        title: project.title,
        planId: project.planId,
        planYear: project.planYear,
        planLevel: project.planLevel,
        provinceCode: project.provinceCode,
        unitCode: unit.code,
        unitNameVi: unit.nameVi,
        status: project.status,
        lastProgressMonth: project.lastProgressMonth,
        lastProgressPercent: project.lastProgressPercent,
        flags,
      });
    }
    flagged.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.code.localeCompare(b.code));
    const start = (query.page - 1) * query.limit;
    return {
      asOf: today,
      items: flagged.slice(start, start + query.limit),
      page: query.page,
      limit: query.limit,
      total: flagged.length,
    };
  }
}
