import {
  HistoryRefusal,
  planHistory,
  type DatedAdvanceRule,
  type HistoryProject,
  type HistorySteps,
} from './project-history';

const RULES: DatedAdvanceRule[] = [
  {
    id: 'model-machinery-2018',
    category: 'model-machinery',
    ratePercent: 70,
    progressAbovePercent: 70,
    onlyAfterAcceptance: false,
    legalBasis: 'TT 36/2013/TT-BCT',
    validFrom: '2018-01-01',
    validTo: null,
  },
];
const context = { today: '2026-12-06', advanceRules: RULES };

const project = (over: Partial<HistoryProject> = {}): HistoryProject => ({
  code: 'KCQG-2018-40-001',
  status: 'in-plan',
  planLevel: 'national',
  planYear: 2018,
  provinceCode: '40',
  endDate: '2018-11-30',
  advanceCategory: 'model-machinery',
  requestedSupportVnd: 500_000_000,
  appraisedSupportVnd: 450_000_000,
  allocatedSupportVnd: 400_000_000,
  contractMode: null,
  contractNumber: null,
  contractSignedOn: null,
  contractParties: null,
  contractValueVnd: null,
  advancedVnd: 0,
  paidVnd: 0,
  lastProgressMonth: null,
  lastProgressPercent: null,
  acceptedOn: null,
  acceptanceResult: null,
  liquidatedOn: null,
  finalValueVnd: null,
  settledVnd: null,
  settledOn: null,
  settlementLate: null,
  ...over,
});

const report = (month: string, percentDone: number, receivedOn = `${month}-20`) => ({
  month,
  percentDone,
  spentVnd: 0,
  narrative: `${percentDone}%`,
  attachments: [],
  receivedOn,
});

/** A 2018 project from its contract to its settlement, as the demo's old records have it. */
const execution = (over: Partial<HistorySteps> = {}): HistorySteps => ({
  contract: {
    mode: 'contract',
    number: '101/HĐ-KC',
    signedOn: '2018-03-10',
    valueVnd: 400_000_000,
    parties: ['Cục', 'Trung tâm Khuyến công'],
  },
  reports: [report('2018-04', 20), report('2018-08', 75), report('2018-11', 100)],
  disbursements: [
    { kind: 'advance', amountVnd: 200_000_000, on: '2018-08-20' },
    { kind: 'payment', amountVnd: 200_000_000, on: '2018-12-20' },
  ],
  acceptance: { acceptedOn: '2018-12-10', result: 'Đạt' },
  liquidation: { liquidatedOn: '2018-12-25', finalValueVnd: 400_000_000 },
  settlement: { settledVnd: 400_000_000, settledOn: '2019-01-15' },
  ...over,
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof HistoryRefusal) return { code: error.code, field: error.field };
    throw error;
  }
  return 'recorded';
};

describe('a project history migrated from old records', () => {
  it('records an in-plan project from its contract to its settlement, each step on its day', () => {
    const plan = planHistory(project(), execution(), context);
    expect(plan.status).toBe('settled');
    expect(plan.waitingFor).toBeNull();
    expect(plan.steps.map((s) => `${s.on} ${s.kind}`)).toEqual([
      '2018-03-10 contract',
      '2018-04-20 report',
      '2018-08-20 report',
      '2018-08-20 disbursement', // the same day: the report (75 %) comes first and allows the advance
      '2018-11-20 report',
      '2018-12-10 acceptance',
      '2018-12-20 disbursement',
      '2018-12-25 liquidation',
      '2019-01-15 settlement',
    ]);
    expect(plan.columns).toMatchObject({
      contractValueVnd: 400_000_000,
      advancedVnd: 200_000_000,
      paidVnd: 400_000_000,
      lastProgressMonth: '2018-11',
      lastProgressPercent: 100,
      settledVnd: 400_000_000,
      settlementLate: false,
    });
    const first = plan.steps.find((s) => s.kind === 'report');
    expect(first).toMatchObject({ late: false, transition: { from: 'contracted', to: 'in-progress' } });
  });

  it('stops before the steps of the plans service and says which one it waits for', () => {
    const steps: HistorySteps = {
      baseAppraisal: {
        reviewer: 'Sở',
        criteria: [{ name: 'Đạt', passed: true }],
        result: 'passed',
        appraisedOn: '2017-06-05',
      },
      ministryAppraisal: {
        reviewer: 'Cục',
        criteria: [{ name: 'Đạt', passed: true }],
        result: 'passed',
        appraisedSupportVnd: 450_000_000,
        appraisedOn: '2017-10-20',
      },
      ...execution(),
    };
    const registered = planHistory(project({ status: 'registered' }), steps, context);
    expect(registered).toMatchObject({ status: 'base-appraised', waitingFor: 'registration' });
    expect(registered.steps).toHaveLength(1);
    const submitted = planHistory(project({ status: 'submitted' }), steps, context);
    expect(submitted).toMatchObject({ status: 'ministry-appraised', waitingFor: 'decision' });
    expect(submitted.columns.appraisedSupportVnd).toBe(450_000_000);
  });

  it('skips what is already recorded: a settled project takes nothing from its record again', () => {
    const plan = planHistory(project({ status: 'settled' }), execution(), context);
    expect(plan).toMatchObject({ steps: [], status: 'settled', waitingFor: null });
  });

  it('keeps the live rules, naming the step that breaks one', () => {
    expect(
      refusal(() => planHistory(project({ allocatedSupportVnd: 300_000_000 }), execution(), context)),
    ).toEqual({
      code: 'project.contract-above-allocated',
      field: 'contract.valueVnd',
    });
    const early = execution({
      disbursements: [{ kind: 'advance', amountVnd: 100_000_000, on: '2018-05-01' }],
    });
    expect(refusal(() => planHistory(project(), early, context))).toEqual({
      code: 'disbursement.advance-progress-required',
      field: 'disbursements[0].amountVnd',
    });
    const overSettled = execution({ settlement: { settledVnd: 400_000_001, settledOn: '2019-01-15' } });
    expect(refusal(() => planHistory(project(), overSettled, context))).toMatchObject({
      code: 'project.settled-above-paid',
    });
    const backwards = execution({ reports: [report('2018-04', 50), report('2018-05', 40)] });
    expect(refusal(() => planHistory(project(), backwards, context))).toEqual({
      code: 'progress.percent-decreased',
      field: 'reports[1].percentDone',
    });
  });

  it('records only the past, and never skips a step of the lifecycle', () => {
    const future = execution({ settlement: { settledVnd: 400_000_000, settledOn: '2026-12-07' } });
    expect(refusal(() => planHistory(project(), future, context))).toEqual({
      code: 'history.date-in-future',
      field: 'settlement.settledOn',
    });
    expect(refusal(() => planHistory(project({ status: 'registered' }), execution(), context))).toEqual({
      code: 'history.missing-step',
      field: 'baseAppraisal',
    });
    expect(refusal(() => planHistory(project({ status: 'rejected' }), execution(), context))).toEqual({
      code: 'history.after-end',
      field: 'contract',
    });
  });

  it('extends a project into the next year at the Minister’s level, with its reports late after the 25th', () => {
    const plan = planHistory(
      project(),
      {
        contract: execution().contract,
        reports: [report('2018-04', 20), report('2018-10', 60, '2018-10-26')],
        disbursements: [],
        extension: {
          newEndDate: '2019-06-30',
          decisionNumber: '1502/QĐ-BCT',
          decidedOn: '2018-11-20',
          reason: 'Chậm giao thiết bị',
        },
      },
      context,
    );
    expect(plan.status).toBe('extended');
    expect(plan.columns.endDate).toBe('2019-06-30');
    expect(plan.steps.find((s) => s.kind === 'extension')).toMatchObject({
      level: 'minister',
      before: { endDate: '2018-11-30' },
    });
    expect(plan.steps.filter((s) => s.kind === 'report').map((s) => s.kind === 'report' && s.late)).toEqual([
      false,
      true,
    ]);
  });
});
