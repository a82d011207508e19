import { projectStatusLabels, type ProjectHistoryRecord, type ProjectStatus } from '@kc/contracts';
import { DomainError, RuleViolationError } from '@kc/errors';
import { approvalLevel, assertExtension, type ApprovalLevel } from './adjustment';
import { planAdvance, planPayment, planRefund, type AdvanceRule } from './advances';
import {
  LIFECYCLE,
  transition,
  type LifecycleActor,
  type LifecycleProject,
  type Outcome,
  type Transition,
  type TransitionAction,
} from './lifecycle';
import { assertMayReport, isLate } from './progress-report';
import { assertAtMost, isSettlementLate } from './project';

/**
 * A project's past migrated from a legacy system (design: plans-and-projects.md, "History import"). Pure: from
 * where the project stands, works out which recorded steps come next and what each changes, under the rules of
 * the live steps — lifecycle order, appraised ≤ requested, contract ≤ allocated, monthly reports, the advance
 * rules and the 70 % cap, payments ≤ contract, final ≤ contract, settled ≤ paid, extension into the next year.
 * Each step keeps the day it happened. Steps the plans service takes (the registration report that submits a
 * project, the decision that puts it in the plan) are never recorded here: the history stops before them.
 */

/** The project as the history reads and moves it (the columns of `project` it looks at). */
export interface HistoryProject extends LifecycleProject {
  code: string;
  planYear: number;
  endDate: string;
  advanceCategory: AdvanceRule['category'];
  requestedSupportVnd: number;
  appraisedSupportVnd: number | null;
  allocatedSupportVnd: number;
  contractMode: 'contract' | 'task-assignment' | null;
  contractNumber: string | null;
  contractSignedOn: string | null;
  contractParties: string[] | null;
  contractValueVnd: number | null;
  advancedVnd: number;
  paidVnd: number;
  lastProgressMonth: string | null;
  lastProgressPercent: number | null;
  acceptedOn: string | null;
  acceptanceResult: string | null;
  liquidatedOn: string | null;
  finalValueVnd: number | null;
  settledVnd: number | null;
  settledOn: string | null;
  settlementLate: boolean | null;
}

/** The project columns a history moves (everything but the status, which each step's transition carries). */
export type HistoryColumns = Partial<Omit<HistoryProject, 'status' | 'planLevel' | 'provinceCode' | 'code'>>;

/** An advance rule with the days it is in force (a row of `advance_rule`). */
export interface DatedAdvanceRule extends AdvanceRule {
  validFrom: string;
  validTo: string | null;
}

export interface HistoryContext {
  /** Today in Việt Nam: no step may be dated later. */
  today: string;
  advanceRules: readonly DatedAdvanceRule[];
}

/** The steps of a history record (its identity and the project's facts are the application's). */
export type HistorySteps = Omit<ProjectHistoryRecord, 'legacyRef' | 'project'>;
type Appraisal = NonNullable<HistorySteps['ministryAppraisal']>;
type Report = HistorySteps['reports'][number];
type Disbursement = HistorySteps['disbursements'][number];

/** One recorded step, in the order it happened, with what the application writes for it. */
export type HistoryStep =
  | {
      kind: 'appraisal';
      on: string;
      transition: Transition;
      level: 'base' | 'ministry';
      appraisal: Appraisal;
    }
  | { kind: 'contract'; on: string; transition: Transition; contract: NonNullable<HistorySteps['contract']> }
  | { kind: 'report'; on: string; transition: Transition; report: Report; receivedAt: Date; late: boolean }
  | {
      kind: 'disbursement';
      on: string;
      disbursement: Disbursement;
      ruleId: string | null;
      advancedVnd: number;
      paidVnd: number;
    }
  | {
      kind: 'extension';
      on: string;
      transition: Transition;
      extension: NonNullable<HistorySteps['extension']>;
      level: ApprovalLevel;
      before: { endDate: string };
    }
  | { kind: 'acceptance' | 'liquidation'; on: string; transition: Transition }
  | { kind: 'settlement'; on: string; transition: Transition; settledVnd: number; late: boolean };

export interface HistoryPlan {
  steps: HistoryStep[];
  /** The columns as they stand after the last step (only those the steps changed). */
  columns: HistoryColumns;
  status: ProjectStatus;
  /** The next step is the plans service's: a registration report (→ submitted) or a decision (→ in-plan). */
  waitingFor: 'registration' | 'decision' | null;
}

/** A refusal of one part of a record, with the field named within the record (`reports[2].month`). */
export class HistoryRefusal extends RuleViolationError {}

/** Runs a step's rules; a refusal names the step's place in the record. */
function at<T>(path: string, rules: () => T): T {
  try {
    return rules();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = error.field && error.field !== 'status' ? `${path}.${error.field}` : path;
    throw new HistoryRefusal(error.messages, error.code, field);
  }
}

/**
 * Who took a step at the time: the project's provincial department for its own steps (base appraisal,
 * acceptance), else the plan's owner (the agency for a national plan, the province for its own plan). The
 * importer is the plan's owner now; the lifecycle still decides which step may follow which.
 */
function authorityFor(project: LifecycleProject, action: TransitionAction): LifecycleActor {
  const province: LifecycleActor = {
    kind: 'user',
    role: 'province-officer',
    provinceCode: project.provinceCode,
  };
  if (LIFECYCLE[action].who === 'province' || project.planLevel === 'provincial') return province;
  return { kind: 'user', role: 'central-officer' };
}

/** The start of a day in Việt Nam (UTC+7) as an instant: when a step dated that day is taken to happen. */
export const dayStart = (date: string): Date => new Date(`${date}T00:00:00+07:00`);

/** Execution steps on one day happen in lifecycle order: a report before the advance it allows, and so on. */
const SAME_DAY_ORDER = {
  contract: 0,
  report: 1,
  advance: 2,
  extension: 3,
  acceptance: 4,
  payment: 5,
  refund: 5,
  liquidation: 6,
  settlement: 7,
} as const;

type Timed = { on: string; rank: number; path: string; apply: () => void };

/**
 * The recorded steps that come next for this project, in the order they happened. Steps already behind the
 * project are skipped (recorded before); the execution history — contract to settlement — is recorded whole,
 * from `in-plan` only. Throws a HistoryRefusal naming the first step a rule refuses.
 */
export function planHistory(
  project: HistoryProject,
  record: HistorySteps,
  context: HistoryContext,
): HistoryPlan {
  assertDated(record, context.today);
  const state: HistoryProject = { ...project };
  const columns: HistoryColumns = {};
  const steps: HistoryStep[] = [];
  const move = (action: TransitionAction, outcome: Outcome = 'passed'): Transition => {
    const step = transition(state, action, authorityFor(state, action), outcome);
    state.status = step.to;
    return step;
  };
  const set = (change: HistoryColumns) => {
    Object.assign(state, change);
    Object.assign(columns, change);
  };

  const base = record.baseAppraisal;
  if (base && state.status === 'registered') {
    at('baseAppraisal', () =>
      steps.push({
        kind: 'appraisal',
        on: base.appraisedOn,
        transition: move('base-appraise', base.result),
        level: 'base',
        appraisal: base,
      }),
    );
  }
  const ministry = record.ministryAppraisal;
  if (ministry && state.status === 'submitted') {
    at('ministryAppraisal', () => {
      const appraised = ministry.result === 'passed' ? (ministry.appraisedSupportVnd ?? 0) : null;
      if (appraised !== null) {
        assertAtMost(
          appraised,
          state.requestedSupportVnd,
          'appraisedSupportVnd',
          ABOVE.requested.code,
          ABOVE.requested,
        );
      }
      const step = move('ministry-appraise', ministry.result);
      set({ appraisedSupportVnd: appraised });
      steps.push({
        kind: 'appraisal',
        on: ministry.appraisedOn,
        transition: step,
        level: 'ministry',
        appraisal: ministry,
      });
    });
  }
  const execution = executionTimeline(record, state, steps, move, set, context);
  if (execution.length > 0 && state.status === 'in-plan') {
    for (const item of execution) at(item.path, item.apply);
  }

  const waitingFor =
    state.status === 'base-appraised'
      ? 'registration'
      : state.status === 'ministry-appraised'
        ? 'decision'
        : null;
  if (waitingFor === null) assertNoGap(state.status, record, execution.length > 0);
  return { steps, columns, status: state.status, waitingFor };
}

/**
 * Contract, reports, disbursements, extension, acceptance, liquidation and settlement in the order they happened
 * (by day, then in lifecycle order), each a closure applying its rules to the moving state.
 */
function executionTimeline(
  record: HistorySteps,
  state: HistoryProject,
  steps: HistoryStep[],
  move: (action: TransitionAction) => Transition,
  set: (change: HistoryColumns) => void,
  context: HistoryContext,
): Timed[] {
  const items: Timed[] = [];
  const { contract, extension, acceptance, liquidation, settlement } = record;
  if (contract) {
    items.push({
      on: contract.signedOn,
      rank: SAME_DAY_ORDER.contract,
      path: 'contract',
      apply: () => {
        assertAtMost(
          contract.valueVnd,
          state.allocatedSupportVnd,
          'valueVnd',
          ABOVE.allocated.code,
          ABOVE.allocated,
        );
        const step = move('contract');
        set({
          contractMode: contract.mode,
          contractNumber: contract.number,
          contractSignedOn: contract.signedOn,
          contractParties: contract.parties,
          contractValueVnd: contract.valueVnd,
        });
        steps.push({ kind: 'contract', on: contract.signedOn, transition: step, contract });
      },
    });
  }
  record.reports.forEach((report, i) =>
    items.push({
      on: report.receivedOn,
      rank: SAME_DAY_ORDER.report,
      path: `reports[${i}]`,
      apply: () => {
        const receivedAt = dayStart(report.receivedOn);
        const step = transition(state, 'report-progress', authorityFor(state, 'report-progress'));
        assertMayReport(state, report, receivedAt);
        state.status = step.to;
        set({ lastProgressMonth: report.month, lastProgressPercent: report.percentDone });
        steps.push({
          kind: 'report',
          on: report.receivedOn,
          transition: step,
          report,
          receivedAt,
          late: isLate(report.month, receivedAt),
        });
      },
    }),
  );
  record.disbursements.forEach((d, i) =>
    items.push({
      on: d.on,
      rank: SAME_DAY_ORDER[d.kind],
      path: `disbursements[${i}]`,
      apply: () => {
        const guard =
          d.kind === 'advance'
            ? planAdvance(state, ruleFor(context.advanceRules, state.advanceCategory, d.on), d.amountVnd)
            : d.kind === 'payment'
              ? planPayment(state, d.amountVnd)
              : planRefund(state, d.amountVnd);
        const advancedVnd =
          d.kind === 'advance'
            ? state.advancedVnd + d.amountVnd
            : d.kind === 'refund'
              ? state.advancedVnd - Math.min(state.advancedVnd, d.amountVnd)
              : state.advancedVnd;
        const paidVnd = d.kind === 'refund' ? state.paidVnd - d.amountVnd : state.paidVnd + d.amountVnd;
        set({ advancedVnd, paidVnd });
        steps.push({
          kind: 'disbursement',
          on: d.on,
          disbursement: d,
          ruleId: guard.ruleId,
          advancedVnd,
          paidVnd,
        });
      },
    }),
  );
  if (extension) {
    items.push({
      on: extension.decidedOn,
      rank: SAME_DAY_ORDER.extension,
      path: 'extension',
      apply: () => {
        const step = move('extend');
        assertExtension(state, extension.newEndDate);
        const before = { endDate: state.endDate };
        set({ endDate: extension.newEndDate });
        const level = approvalLevel('extension', state);
        steps.push({
          kind: 'extension',
          on: extension.decidedOn,
          transition: step,
          extension,
          level,
          before,
        });
      },
    });
  }
  if (acceptance) {
    items.push({
      on: acceptance.acceptedOn,
      rank: SAME_DAY_ORDER.acceptance,
      path: 'acceptance',
      apply: () => {
        const step = move('accept');
        set({ acceptedOn: acceptance.acceptedOn, acceptanceResult: acceptance.result });
        steps.push({ kind: 'acceptance', on: acceptance.acceptedOn, transition: step });
      },
    });
  }
  if (liquidation) {
    items.push({
      on: liquidation.liquidatedOn,
      rank: SAME_DAY_ORDER.liquidation,
      path: 'liquidation',
      apply: () => {
        const step = move('liquidate');
        assertAtMost(
          liquidation.finalValueVnd,
          state.contractValueVnd ?? 0,
          'finalValueVnd',
          ABOVE.contract.code,
          ABOVE.contract,
        );
        set({ liquidatedOn: liquidation.liquidatedOn, finalValueVnd: liquidation.finalValueVnd });
        steps.push({ kind: 'liquidation', on: liquidation.liquidatedOn, transition: step });
      },
    });
  }
  if (settlement) {
    items.push({
      on: settlement.settledOn,
      rank: SAME_DAY_ORDER.settlement,
      path: 'settlement',
      apply: () => {
        const step = move('settle');
        assertAtMost(settlement.settledVnd, state.paidVnd, 'settledVnd', ABOVE.paid.code, ABOVE.paid);
        const late = isSettlementLate(settlement.settledOn, state.planYear, state.endDate);
        set({ settledVnd: settlement.settledVnd, settledOn: settlement.settledOn, settlementLate: late });
        steps.push({
          kind: 'settlement',
          on: settlement.settledOn,
          transition: step,
          settledVnd: settlement.settledVnd,
          late,
        });
      },
    });
  }
  // A stable sort: steps of one kind on one day keep the record's order.
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.on.localeCompare(b.item.on) || a.item.rank - b.item.rank || a.index - b.index)
    .map(({ item }) => item);
}

/** The money ceilings of the steps, with the codes and words of the live steps. */
const ABOVE = {
  requested: {
    code: 'project.appraised-above-requested',
    vi: 'Kinh phí thẩm định vượt kinh phí đề nghị',
    en: 'appraised support is above the requested',
  },
  allocated: {
    code: 'project.contract-above-allocated',
    vi: 'Giá trị hợp đồng vượt kinh phí được giao',
    en: 'contract value is above the allocated support',
  },
  contract: {
    code: 'project.final-above-contract',
    vi: 'Giá trị thanh lý vượt giá trị hợp đồng',
    en: 'final value is above the contract value',
  },
  paid: {
    code: 'project.settled-above-paid',
    vi: 'Kinh phí quyết toán vượt số đã thanh toán',
    en: 'settled amount is above what was paid',
  },
} as const;

function ruleFor(rules: readonly DatedAdvanceRule[], category: string, on: string): DatedAdvanceRule {
  const rule = rules.find(
    (r) => r.category === category && r.validFrom <= on && (r.validTo === null || r.validTo >= on),
  );
  if (!rule) {
    throw new RuleViolationError(
      {
        vi: `Không có quy định tạm ứng cho nhóm "${category}" vào ngày ${on}`,
        en: `No advance rule for category ${category} in force on ${on}`,
      },
      'disbursement.no-advance-rule',
      'on',
    );
  }
  return rule;
}

/** Every day of the record is past (today at the latest), and the appraisals come before the contract. */
function assertDated(record: HistorySteps, today: string): void {
  const days: [string, string | undefined][] = [
    ['baseAppraisal.appraisedOn', record.baseAppraisal?.appraisedOn],
    ['ministryAppraisal.appraisedOn', record.ministryAppraisal?.appraisedOn],
    ['contract.signedOn', record.contract?.signedOn],
    ...record.reports.map((r, i): [string, string] => [`reports[${i}].receivedOn`, r.receivedOn]),
    ...record.disbursements.map((d, i): [string, string] => [`disbursements[${i}].on`, d.on]),
    ['extension.decidedOn', record.extension?.decidedOn],
    ['acceptance.acceptedOn', record.acceptance?.acceptedOn],
    ['liquidation.liquidatedOn', record.liquidation?.liquidatedOn],
    ['settlement.settledOn', record.settlement?.settledOn],
  ];
  for (const [field, day] of days) {
    if (day !== undefined && day > today) {
      throw new HistoryRefusal(
        {
          vi: `Ngày ${day} chưa đến: hồ sơ chỉ ghi việc đã xảy ra`,
          en: `${day} is in the future: a history records only what happened`,
        },
        'history.date-in-future',
        field,
      );
    }
  }
  // The appraisals and the contract are recorded in different requests (plans' steps come between): their
  // order is checked on the record itself.
  const [base, ministry, contract] = days;
  for (const [later, earlier] of [
    [ministry, base],
    [contract, ministry],
    [contract, base],
  ]) {
    if (later[1] !== undefined && earlier[1] !== undefined && later[1] < earlier[1]) {
      throw new HistoryRefusal(
        {
          vi: `${later[0]} (${later[1]}) trước ${earlier[0]} (${earlier[1]})`,
          en: `${later[0]} (${later[1]}) is before ${earlier[0]} (${earlier[1]})`,
        },
        'history.date-order',
        later[0],
      );
    }
  }
}

/**
 * A record whose next step is neither recorded nor the plans service's skips a step of the lifecycle (e.g. a
 * contract for a project never appraised), and a record going on past a rejection or a stop contradicts the
 * project: both refused, so a history never lands half-way by accident.
 */
function assertNoGap(status: ProjectStatus, record: HistorySteps, hasExecution: boolean): void {
  if ((status === 'rejected' || status === 'stopped') && (record.ministryAppraisal || hasExecution)) {
    throw new HistoryRefusal(
      {
        vi: `Đề án đã ở trạng thái "${projectStatusLabels[status]}": hồ sơ không thể có bước sau đó`,
        en: `the project is ${status}: the record's later steps cannot follow`,
      },
      'history.after-end',
      hasExecution ? 'contract' : 'ministryAppraisal',
    );
  }
  const missing =
    status === 'registered' && (record.ministryAppraisal || hasExecution)
      ? 'baseAppraisal'
      : status === 'submitted' && hasExecution
        ? 'ministryAppraisal'
        : null;
  if (missing) {
    throw new HistoryRefusal(
      {
        vi: `Đề án đang ở trạng thái "${projectStatusLabels[status]}": hồ sơ thiếu bước tiếp theo (${missing})`,
        en: `the project is ${status} and the record lacks the step that comes next (${missing})`,
      },
      'history.missing-step',
      missing,
    );
  }
}
