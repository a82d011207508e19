import type { Page, PetitionView } from '@kc/contracts';
import { business, central, officer } from '@kc/testing';
import { useClustersContext } from './support/clusters-context';
import { operatingCluster, setClock } from './support/report-givens';

const PETITIONS = '/api/v1/cluster-petitions';

/** Petitions received on paper, recorded afterwards with their day of receipt. */
describe('cluster petitions received on paper', () => {
  const context = useClustersContext('kc_it_cluster_petitions_paper');
  const { as, db } = context;
  const at = (instant: string | null) => setClock(context.service, instant);
  afterEach(() => at(null));
  let clusterId: string;
  beforeAll(async () => {
    clusterId = await operatingCluster(context.db, 'CCN-40-P01', '40', '0102229999');
  });
  const body = (extra: Record<string, unknown>) => ({
    subject: 'Đề nghị hỗ trợ di dời cơ sở gây ô nhiễm vào cụm',
    content: 'Công văn số 15/SCT-QLCN gửi Cục ngày 10/03/2026.',
    ...extra,
  });
  const count = async () =>
    (await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM cluster_petition`))[0].n;

  it('counts the deadline from the day received, marks it recorded on paper, and is overdue today', async () => {
    at('2026-05-04T03:00:00Z'); // Monday 4 May 2026 in Hà Nội
    const recorded = await as(officer('40')).post<PetitionView>(
      PETITIONS,
      body({ receivedOn: '2026-03-10' }),
    );
    expect(recorded.status).toBe(201);
    // 15 working days after Tuesday 10/03/2026 (no holiday in between): Tuesday 31/03.
    expect(recorded.body).toMatchObject({
      receivedOn: '2026-03-10',
      responseDueOn: '2026-03-31',
      receivedOnPaper: true,
      overdue: true,
      filedBy: 'sct.40',
    });
    const today = await as(officer('40')).post<PetitionView>(PETITIONS, body({}));
    expect(today.body).toMatchObject({ receivedOn: '2026-05-04', receivedOnPaper: false, overdue: false });

    // The agency records a department's paper petition naming the province (or its cluster).
    const byAgency = await as(central).post<PetitionView>(
      PETITIONS,
      body({ receivedOn: '2026-04-24', clusterId }),
    );
    expect(byAgency.body).toMatchObject({
      provinceCode: '40',
      petitioner: 'province',
      clusterCode: 'CCN-40-P01',
      responseDueOn: '2026-05-20',
      receivedOnPaper: true,
    });
    const overdue = await as(central).get<Page<PetitionView>>(`${PETITIONS}?overdue=true&provinceCode=40`);
    expect(overdue.body.items.map((p) => p.id)).toEqual([recorded.body.id]);
  });

  it('refuses a day in the future, before 2018, from a developer, and the agency without receivedOn — writing nothing', async () => {
    at('2026-05-04T16:30:00Z'); // 4 May 23:30 in Hà Nội: 5 May is still the future
    const before = await count();
    const refusal = async (by: Parameters<typeof as>[0], extra: Record<string, unknown>) => {
      const reply = await as(by).post(PETITIONS, body(extra));
      return {
        status: reply.status,
        code: reply.body.code,
        fields: reply.body.errors?.map((e: { field: string; rule?: string }) => [e.field, e.rule]),
      };
    };
    expect(await refusal(officer('40'), { receivedOn: '2026-05-05' })).toMatchObject({
      status: 422,
      code: 'cluster-petition.received-in-future',
    });
    expect(await refusal(officer('40'), { receivedOn: '2017-12-29' })).toMatchObject({
      status: 400,
      fields: [['body.receivedOn', 'not-before-2018']],
    });
    expect(await refusal(business('0102229999'), { clusterId, receivedOn: '2026-04-01' })).toMatchObject({
      status: 403,
      code: 'cluster-petition.paper-receipt-recorder',
    });
    expect(await refusal(central, { provinceCode: '40' })).toMatchObject({
      status: 403,
      code: 'cluster-petition.not-petitioner',
    });
    expect(await refusal(central, { receivedOn: '2026-04-01' })).toMatchObject({
      status: 422,
      code: 'cluster-petition.province-required',
    });
    expect(await refusal(officer('01'), { provinceCode: '40', receivedOn: '2026-04-01' })).toMatchObject({
      status: 403,
    });
    expect(await count()).toBe(before);
  });
});
