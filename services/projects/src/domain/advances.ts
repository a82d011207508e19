import { formatVnd, projectStatusLabel, type advanceCategories, type disbursementKinds } from '@kc/contracts';
import { ConflictError, RuleViolationError } from '@kc/errors';

export type AdvanceCategory = (typeof advanceCategories)[number];
export type DisbursementKind = (typeof disbursementKinds)[number];

/**
 * Before acceptance every disbursement together stays within 70 % of the contract (advances are all that can
 * be drawn then). The project table's CHECK `paid_vnd * 10 <= contract_value_vnd * 7` holds the same bound.
 */
export const CAP_BEFORE_ACCEPTANCE_PERCENT = 70;

/** One row of the `advance_rule` table: how much of the contract a category may draw in advances, and when. */
export interface AdvanceRule {
  id: string;
  category: AdvanceCategory;
  /** Σ advances ≤ contract × ratePercent / 100. */
  ratePercent: number;
  /** Advances need a reported progress strictly above this (null: no progress needed). */
  progressAbovePercent: number | null;
  /** Advances only once the project is accepted (enterprise founding support). */
  onlyAfterAcceptance: boolean;
  legalBasis: string;
}

/** Statuses in which a contract is running but not yet accepted. */
export const RUNNING_STATUSES = ['contracted', 'in-progress', 'extended'] as const;
/** Statuses after acceptance in which money may still move (settlement closes the books). */
export const ACCEPTED_STATUSES = ['accepted', 'liquidated'] as const;

export interface ProjectMoney {
  status: string;
  contractValueVnd: number | null;
  advancedVnd: number;
  paidVnd: number;
  lastProgressPercent: number | null;
}

/**
 * The bounds a disbursement must stay within, worked out from the project as read. The application turns them
 * into the WHERE clause of one guarded UPDATE, so a concurrent disbursement that got there first makes the
 * UPDATE match nothing instead of pushing the sums past a cap.
 */
export interface DisbursementGuard {
  kind: DisbursementKind;
  amountVnd: number;
  /** The statuses the project must still be in. */
  statuses: readonly string[];
  /** Upper bound of advanced_vnd after an advance (null: not an advance). */
  maxAdvancedVnd: number | null;
  /** Upper bound of paid_vnd after the disbursement (null for a refund). */
  maxPaidVnd: number | null;
  /** For an advance with a progress condition: last_progress_percent must stay above this. */
  progressAbovePercent: number | null;
  /** The rule applied to an advance (recorded with it). */
  ruleId: string | null;
}

const percentOf = (amountVnd: number, percent: number) => Math.floor((amountVnd * percent) / 100);
const isAccepted = (status: string) => (ACCEPTED_STATUSES as readonly string[]).includes(status);
const isRunning = (status: string) => (RUNNING_STATUSES as readonly string[]).includes(status);

function contractValue(project: ProjectMoney): number {
  if (project.contractValueVnd === null || !(isRunning(project.status) || isAccepted(project.status))) {
    throw new ConflictError(
      {
        vi:
          `Không thể chi cho đề án ở trạng thái "${projectStatusLabel(project.status)}": chỉ chi sau khi ký hợp ` +
          'đồng và trước khi quyết toán',
        en:
          `No money moves for a project in status "${project.status}": only between the contract and the ` +
          'settlement',
      },
      'disbursement.not-contracted',
    );
  }
  return project.contractValueVnd;
}

/** An advance (tạm ứng) by the category's rule, within the rule's rate and, before acceptance, 70 %. */
export function planAdvance(project: ProjectMoney, rule: AdvanceRule, amountVnd: number): DisbursementGuard {
  const contract = contractValue(project);
  const accepted = isAccepted(project.status);
  if (rule.onlyAfterAcceptance && !accepted) {
    throw new RuleViolationError(
      {
        vi: `Nhóm "${rule.category}" chỉ được tạm ứng sau nghiệm thu (${rule.legalBasis})`,
        en: `Category ${rule.category} may draw advances only after acceptance (${rule.legalBasis})`,
      },
      'disbursement.advance-after-acceptance-only',
      'kind',
    );
  }
  if (!rule.onlyAfterAcceptance && accepted) {
    throw new RuleViolationError(
      {
        vi: 'Đề án đã nghiệm thu: chi tiếp bằng thanh toán, không tạm ứng',
        en: 'The project is accepted: pay, do not advance',
      },
      'disbursement.advance-after-acceptance',
      'kind',
    );
  }
  const reported = project.lastProgressPercent ?? 0;
  if (rule.progressAbovePercent !== null && !(reported > rule.progressAbovePercent)) {
    throw new RuleViolationError(
      {
        vi:
          `Nhóm "${rule.category}" cần tiến độ báo cáo trên ${rule.progressAbovePercent}% mới được tạm ứng, ` +
          `hiện là ${reported}% (${rule.legalBasis})`,
        en:
          `Category ${rule.category} needs reported progress above ${rule.progressAbovePercent}% before an ` +
          `advance; reported ${reported}% (${rule.legalBasis})`,
      },
      'disbursement.advance-progress-required',
      'amountVnd',
    );
  }
  const ruleCap = percentOf(contract, rule.ratePercent);
  const generalCap = percentOf(contract, CAP_BEFORE_ACCEPTANCE_PERCENT);
  // Before acceptance the 70 % cap binds whenever the category's rate is not lower.
  const byGeneralCap = !accepted && generalCap <= ruleCap;
  const cap = byGeneralCap ? generalCap : ruleCap;
  assertWithin(
    project.advancedVnd + amountVnd,
    cap,
    byGeneralCap
      ? { code: 'disbursement.advance-cap-70', what: `${CAP_BEFORE_ACCEPTANCE_PERCENT}% trước nghiệm thu` }
      : { code: 'disbursement.advance-rate-exceeded', what: `${rule.ratePercent}% (${rule.legalBasis})` },
    amountVnd,
    project.advancedVnd,
  );
  const paidCap = accepted ? contract : generalCap;
  assertWithin(
    project.paidVnd + amountVnd,
    paidCap,
    accepted
      ? { code: 'disbursement.contract-exceeded', what: 'giá trị hợp đồng' }
      : { code: 'disbursement.advance-cap-70', what: `${CAP_BEFORE_ACCEPTANCE_PERCENT}% trước nghiệm thu` },
    amountVnd,
    project.paidVnd,
  );
  return {
    kind: 'advance',
    amountVnd,
    statuses: accepted ? ACCEPTED_STATUSES : RUNNING_STATUSES,
    maxAdvancedVnd: cap,
    maxPaidVnd: paidCap,
    progressAbovePercent: rule.progressAbovePercent,
    ruleId: rule.id,
  };
}

/** A payment (thanh toán) comes after acceptance, and all disbursed never exceeds the contract. */
export function planPayment(project: ProjectMoney, amountVnd: number): DisbursementGuard {
  const contract = contractValue(project);
  if (!isAccepted(project.status)) {
    throw new RuleViolationError(
      {
        vi: 'Chỉ thanh toán sau nghiệm thu; trước đó chỉ tạm ứng',
        en: 'Payments come after acceptance; before it, only advances',
      },
      'disbursement.payment-before-acceptance',
      'kind',
    );
  }
  assertWithin(
    project.paidVnd + amountVnd,
    contract,
    { code: 'disbursement.contract-exceeded', what: 'giá trị hợp đồng' },
    amountVnd,
    project.paidVnd,
  );
  return {
    kind: 'payment',
    amountVnd,
    statuses: ACCEPTED_STATUSES,
    maxAdvancedVnd: null,
    maxPaidVnd: contract,
    progressAbovePercent: null,
    ruleId: null,
  };
}

/** A refund (hoàn trả) gives money back: never more than was disbursed. */
export function planRefund(project: ProjectMoney, amountVnd: number): DisbursementGuard {
  contractValue(project);
  if (amountVnd > project.paidVnd) {
    throw new RuleViolationError(
      {
        vi: `Hoàn trả ${formatVnd(amountVnd)} VND vượt số đã chi ${formatVnd(project.paidVnd)} VND`,
        en: `Refund of ${formatVnd(amountVnd)} VND exceeds the ${formatVnd(project.paidVnd)} VND disbursed`,
      },
      'disbursement.refund-exceeds-paid',
      'amountVnd',
    );
  }
  return {
    kind: 'refund',
    amountVnd,
    statuses: [...RUNNING_STATUSES, ...ACCEPTED_STATUSES],
    maxAdvancedVnd: null,
    maxPaidVnd: null,
    progressAbovePercent: null,
    ruleId: null,
  };
}

function assertWithin(
  after: number,
  cap: number,
  rule: { code: string; what: string },
  amountVnd: number,
  before: number,
): void {
  if (after <= cap) return;
  throw new RuleViolationError(
    {
      vi:
        `Chi ${formatVnd(amountVnd)} VND vượt mức ${rule.what}: đã chi ${formatVnd(before)} VND, tối đa ` +
        `${formatVnd(cap)} VND`,
      en:
        `${formatVnd(amountVnd)} VND would exceed the cap of ${formatVnd(cap)} VND (${formatVnd(before)} VND ` +
        'already drawn)',
    },
    rule.code,
    'amountVnd',
  );
}
