import { randomUUID } from 'node:crypto';
import type { ClusterReportFiguresBody, ClusterReportView, Principal } from '@kc/contracts';
import type { BootedService, TestDatabase } from '@kc/service-testing';
import { officer } from '@kc/testing';
import { ReportClock } from '../../src/application/reports/report-clock';

export const REPORTS = '/api/v1/cluster-reports';

/** A second officer of the same department: the "someone else" a reopening needs. */
export const colleague = (provinceCode: string): Principal => ({
  ...officer(provinceCode),
  id: `u-sct-${provinceCode}-lanh-dao`,
  name: `sct.${provinceCode}.lanhdao`,
});

/** A developer's form with round figures; `scale` multiplies every figure so sums are easy to tell apart. */
export const figures = (
  scale = 1,
  overrides: Partial<ClusterReportFiguresBody> = {},
): ClusterReportFiguresBody => ({
  areas: {
    totalCentiHa: 5000 * scale,
    industrialCentiHa: 4000 * scale,
    leasableCentiHa: 3600 * scale,
    leasedCentiHa: 2725 * scale,
  },
  infrastructureInvestment: { registeredVnd: 120_000_000_000 * scale, realisedVnd: 95_000_000_000 * scale },
  tenants: { projects: 20 * scale, operatingProjects: 15 * scale, firms: 18 * scale, workers: 1500 * scale },
  wastewaterPlant: { status: 'in-use', capacityM3PerDay: 800 * scale },
  ...overrides,
});

/**
 * An operating cluster with a developer (tax code `developerTaxCode`), written with SQL so these tests do not
 * depend on the registry's request shapes: its id.
 */
export async function operatingCluster(
  db: TestDatabase,
  code: string,
  provinceCode: string,
  developerTaxCode: string | null = null,
  status = 'operating',
  establishedOn = '2020-03-10',
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO industrial_cluster (id, code, name, province_code, status, total_area_centi_ha, developer_name,
       developer_kind, developer_selection, developer_tax_code)
     VALUES ($1, $2, $3, $4, $5, 5000, 'Công ty Cổ phần Hạ tầng Thử nghiệm', 'enterprise', 'evaluation-council', $6)`,
    [id, code, `Cụm công nghiệp ${code}`, provinceCode, status, developerTaxCode],
  );
  if (status !== 'planned') {
    // Its establishing decision, recorded as the registry records one: the day decides which periods it reports.
    await db.query(
      `INSERT INTO cluster_lifecycle_step (id, cluster_id, seq, step, from_status, to_status, decision_number,
         decision_date, decision_authority, decision_issued_by, rule_set_id, total_area_centi_ha, recorded_by)
       VALUES ($1, $2, 1, 'establish', 'planned', 'established', '101/QĐ-UBND', $3, 'provincial-peoples-committee',
         'Ủy ban nhân dân tỉnh', 'nd-68-2017', 5000, 'test')`,
      [randomUUID(), id, establishedOn],
    );
  }
  return id;
}

/**
 * Puts the service's report clock at `instant` (an ISO timestamp with its offset) for the rest of the test
 * file, or back on the wall clock with null: the moment a submission happens decides its lateness.
 */
export function setClock(service: BootedService, instant: string | null): void {
  const clock = service.app.get(ReportClock);
  const spy = jest.spyOn(clock, 'now');
  if (instant === null) spy.mockRestore();
  else spy.mockImplementation(() => new Date(instant));
}

/** The calls of a report's life, each answering the report as the service shows it. */
export function reportCalls(as: (p: Principal) => ReturnType<BootedService['as']>) {
  return {
    open: (by: Principal, body: unknown) => as(by).post<ClusterReportView>(REPORTS, body),
    get: (by: Principal, id: string) => as(by).get<ClusterReportView>(`${REPORTS}/${id}`),
    edit: (by: Principal, id: string, body: unknown) =>
      as(by).put<ClusterReportView>(`${REPORTS}/${id}/figures`, { figures: body }),
    submit: (by: Principal, id: string) => as(by).post<ClusterReportView>(`${REPORTS}/${id}/submit`),
    returnIt: (by: Principal, id: string, reason: string) =>
      as(by).post<ClusterReportView>(`${REPORTS}/${id}/return`, { reason }),
    approve: (by: Principal, id: string) => as(by).post<ClusterReportView>(`${REPORTS}/${id}/approve`),
    requestReopen: (by: Principal, id: string, reason: string) =>
      as(by).post<ClusterReportView>(`${REPORTS}/${id}/reopen-requests`, { reason }),
    approveReopen: (by: Principal, id: string, requestId: string) =>
      as(by).post<ClusterReportView>(`${REPORTS}/${id}/reopen-requests/${requestId}/approve`),
  };
}
