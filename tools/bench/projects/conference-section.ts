import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { serviceEnvSchema } from '@kc/config';
import { central } from '@kc/testing';
import { bootService } from '@kc/service-testing';
import { ReportingModule } from '../../../services/reporting/src/app.module';
import { readingDateForYear } from '../../../services/reporting/src/domain/province-dates';
import { ms } from '../shared/stats';
import { measureConferenceView } from './conference-view';
import { UNITS } from './dataset';
import type { BenchContext, BenchSection } from './sections';
import { dropScratch, row } from './support';

/**
 * The national conference view of the reporting service, booted in this process on a scratch database of its
 * own, with its projections loaded by SQL from the projects just loaded (as its consumers would have built
 * them from the projects and plans events): every project, one assignment decision a year for those in a plan,
 * the national plan and the 34 provincial plans of each year. Measured for the last year of the data set.
 */
export const conferenceView: BenchSection = {
  name: 'national conference view',
  async run(ctx: BenchContext): Promise<string> {
    const svc = await bootService(
      {
        service: 'reporting',
        envSchema: serviceEnvSchema,
        module: (config) => ReportingModule.forRoot(config),
      },
      `bench_reporting_${ctx.run}`,
      'measured',
    );
    const db = new Client({ connectionString: svc.databaseUrl, application_name: 'kc-bench-projects' });
    await db.connect();
    try {
      const t = performance.now();
      const rows = await loadProjections(ctx, db);
      console.log(
        `  reporting: ${rows} projection rows loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      const year = ctx.loaded.years.at(-1) as number;
      const figures = await measureConferenceView({
        url: svc.url,
        token: await svc.tokenFor(central),
        databaseUrl: svc.databaseUrl,
        year,
        iterations: ctx.samples,
      });
      const name = `conference view ${year}`;
      console.log(row(`${name} (HTTP)`, figures.view));
      console.log(row(`${name} (SQL floor)`, figures.floor));
      const { view: h, floor: s } = figures;
      return `${name.padEnd(40)} ${figures.projects} projects; p50 ${ms(h.p50)} vs ${ms(s.p50)} (${figures.ratio.p50.toFixed(1)}×), p99 ${ms(h.p99)} vs ${ms(s.p99)} (${figures.ratio.p99.toFixed(1)}×)`;
    } finally {
      await db.end().catch(() => undefined);
      await svc.close();
      await dropScratch(svc.databaseUrl);
    }
  },
};

/** Copies the loaded projects into the projections, with the columns the projections service would write. */
async function loadProjections(ctx: BenchContext, reporting: Client): Promise<number> {
  const { rows: projects } = await ctx.db.query<Record<string, unknown>>(
    `SELECT id, code, title, plan_id, plan_year, plan_level, funding_source, kind, activity_contents::text,
            advance_category, province_code, to_char(start_date, 'YYYY-MM-DD') AS start_date,
            to_char(end_date, 'YYYY-MM-DD') AS end_date, status, requested_support_vnd, appraised_support_vnd,
            allocated_support_vnd, counterpart_vnd, contract_value_vnd,
            to_char(contract_signed_on, 'YYYY-MM-DD') AS contracted_on, advanced_vnd, paid_vnd,
            last_progress_month, last_progress_percent
       FROM project ORDER BY plan_year, code`,
  );
  const asOf = (code: string, year: number) => {
    const date = readingDateForYear(code, year);
    if (!date) throw new Error(`unit ${code} does not exist in ${year}`);
    return date;
  };
  const batch = 5_000;
  for (let start = 0; start < projects.length; start += batch) {
    const part = projects.slice(start, start + batch);
    const column = (key: string) => part.map((p) => p[key]);
    await reporting.query(
      `INSERT INTO project_projection (project_id, code, title, plan_id, plan_year, plan_level, funding_source, kind,
         activity_contents, advance_category, province_code, province_as_of, start_date, end_date, status,
         status_changed_at, requested_support_vnd, appraised_support_vnd, counterpart_vnd, contract_value_vnd,
         contracted_on, advanced_vnd, paid_vnd, first_advance_on, last_progress_month, last_progress_percent,
         registered_at)
       SELECT id, code, title, plan_id, plan_year, plan_level, funding_source, kind, contents::int[],
              advance_category, province_code, as_of::date, start_date::date, end_date::date, status,
              start_date::timestamptz, requested, appraised, counterpart, contract, contracted_on::date, advanced,
              paid, CASE WHEN advanced > 0 THEN contracted_on::date END, month, percent,
              make_date(plan_year - 1, 6, 1)::timestamptz
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::int[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                     $15::text[], $16::bigint[], $17::bigint[], $18::bigint[], $19::bigint[], $20::text[],
                     $21::bigint[], $22::bigint[], $23::text[], $24::int[])
           AS t(id, code, title, plan_id, plan_year, plan_level, funding_source, kind, contents,
                advance_category, province_code, as_of, start_date, end_date, status, requested, appraised,
                counterpart, contract, contracted_on, advanced, paid, month, percent)`,
      [
        column('id'),
        column('code'),
        column('title'),
        column('plan_id'),
        column('plan_year'),
        column('plan_level'),
        column('funding_source'),
        column('kind'),
        column('activity_contents'),
        column('advance_category'),
        column('province_code'),
        part.map((p) => asOf(p.province_code as string, p.plan_year as number)),
        column('start_date'),
        column('end_date'),
        column('status'),
        column('requested_support_vnd'),
        column('appraised_support_vnd'),
        column('counterpart_vnd'),
        column('contract_value_vnd'),
        column('contracted_on'),
        column('advanced_vnd'),
        column('paid_vnd'),
        column('last_progress_month'),
        column('last_progress_percent'),
      ],
    );
  }

  // One initial decision per year for every project the year's plan took in (previous 0: nothing before it).
  let allocations = 0;
  let plans = 0;
  for (const [year, planId] of ctx.loaded.plans) {
    const inserted = await reporting.query(
      `INSERT INTO allocation_projection (decision_id, project_id, funding_source, plan_id, plan_year,
         decision_number, signed_on, amount_vnd, previous_vnd)
       SELECT $1, id, 'KCQG', $2, $3, $4, make_date($3, 1, 15), amount, 0
         FROM unnest($5::uuid[], $6::bigint[]) AS t(id, amount)`,
      [
        randomUUID(),
        planId,
        year,
        `${year - 2000}/QĐ-BCT`,
        projects.filter((p) => p.plan_year === year && Number(p.allocated_support_vnd) > 0).map((p) => p.id),
        projects
          .filter((p) => p.plan_year === year && Number(p.allocated_support_vnd) > 0)
          .map((p) => p.allocated_support_vnd),
      ],
    );
    allocations += inserted.rowCount ?? 0;
    const budget = projects
      .filter((p) => p.plan_year === year)
      .reduce((sum, p) => sum + Number(p.allocated_support_vnd), 0);
    await reporting.query(
      `INSERT INTO plan_projection (plan_id, name, year, level, budget_vnd, created_at)
       VALUES ($1, $2, $3, 'national', $4, make_date($3 - 1, 12, 20))`,
      [planId, `Kế hoạch khuyến công quốc gia năm ${year} (benchmark)`, year, budget],
    );
    // Each unit's own plan (KCĐP), a budget of 5–20 billion VND.
    await reporting.query(
      `INSERT INTO plan_projection (plan_id, name, year, level, province_code, province_as_of, budget_vnd,
         created_at)
       SELECT gen_random_uuid(), 'Kế hoạch khuyến công địa phương năm ' || $1::int || ' (' || code || ')', $1::int,
              'provincial', code, as_of::date, (5 + ord % 16) * 1000000000, make_date($1::int - 1, 12, 20)
         FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(code, as_of, ord)`,
      [year, UNITS, UNITS.map((code) => asOf(code, year))],
    );
    plans += 1 + UNITS.length;
  }
  await reporting.query('ANALYZE');
  return projects.length + allocations + plans;
}
