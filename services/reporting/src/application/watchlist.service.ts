import { Injectable } from '@nestjs/common';
import {
  projectStatusLabels,
  type WatchlistItem,
  type WatchlistPage,
  type WatchlistQuery,
} from '@kc/contracts';
import { currentPrincipal, listProvinceFilter } from '@kc/auth';
import { vietnamDate } from '@kc/reference-data';
import { unitCounted } from '../domain/roll-up';
import { watchlistFlags } from '../domain/watchlist';
import { WatchlistQueries } from '../infrastructure/persistence/watchlist.queries';
import { Clock } from './clock';

/**
 * The projects at risk today. Each project is shown under the unit that holds its territory today (a 2018
 * project of Nam Định is Ninh Bình's now; a next year's project under its own); the region filter applies to
 * that unit, the province filter to the recorded code by the lists' one rule (`listProvinceFilter`), which
 * gives the same projects for today's units and lets `unitAsOf=recorded` ask for the unit as it was.
 */
@Injectable()
export class WatchlistService {
  constructor(
    private readonly queries: WatchlistQueries,
    private readonly clock: Clock,
  ) {}

  async list(query: WatchlistQuery): Promise<WatchlistPage> {
    const provinces = listProvinceFilter(currentPrincipal(), query.provinceCode, query.unitAsOf);
    const today = vietnamDate(this.clock.now());
    const flagged: WatchlistItem[] = [];
    for (const project of await this.queries.candidates(query.year)) {
      const unit = unitCounted(project.provinceCode, project.provinceAsOf, today);
      if (provinces !== undefined && !provinces.includes(project.provinceCode)) continue;
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
        statusLabel: projectStatusLabels[project.status],
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
