import { assertMayActFor, isCentral, maySee } from '@kc/auth';
import type { FileComplaintRequest, Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { unitsCoveredBy } from '@kc/reference-data';

/** What the complaint rules need of a round: the province it belongs to (null: regional or national). */
export interface ComplaintRound {
  id: string;
  provinceCode: string | null;
}

/** Which of a round's complaints the caller sees. */
export type ComplaintScope =
  | { kind: 'all' }
  | { kind: 'provinces'; codes: string[] }
  | { kind: 'facility'; taxCode: string };

/**
 * Whether the caller may address this round's complaints at all. A facility may complain about any round
 * (the service cannot tell which rounds it entered); staff reach the rounds they may see: the agency all, a
 * province officer their unit's (and its predecessors') and those of no province.
 */
export const mayReachRound = (principal: Principal, round: ComplaintRound): boolean =>
  principal.role === 'business' || maySee(principal, round.provinceCode);

/** Whether the caller is the round's council: the agency for regional and national rounds, else the province. */
export const isAuthorityOf = (principal: Principal, round: ComplaintRound): boolean =>
  round.provinceCode === null
    ? isCentral(principal)
    : principal.role === 'province-officer' && maySee(principal, round.provinceCode);

/**
 * The council (and the agency, which oversees every round) sees all of a round's complaints; a province
 * officer those of their unit and the units merged into it; a facility its own.
 */
export function complaintScope(principal: Principal, round: ComplaintRound): ComplaintScope {
  if (isCentral(principal) || isAuthorityOf(principal, round)) return { kind: 'all' };
  if (principal.role === 'province-officer' && principal.provinceCode) {
    return { kind: 'provinces', codes: unitsCoveredBy(principal.provinceCode) };
  }
  if (principal.role === 'business' && principal.facilityTaxCode) {
    return { kind: 'facility', taxCode: principal.facilityTaxCode };
  }
  throw new ForbiddenError(
    {
      vi: `Vai trò ${principal.role} không được xem khiếu nại về kết quả bình chọn`,
      en: `role ${principal.role} has no access to award complaints`,
    },
    'complaint.no-access',
  );
}

export function inComplaintScope(
  scope: ComplaintScope,
  complaint: { provinceCode: string; facilityTaxCode: string },
): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'provinces') return scope.codes.includes(complaint.provinceCode);
  return scope.taxCode === complaint.facilityTaxCode;
}

/**
 * A facility files for itself, online, on the day it files; a province officer for a facility of their own
 * province; the agency for any. Only staff enter a complaint received earlier on paper.
 */
export function assertMayFile(principal: Principal, request: FileComplaintRequest): void {
  if (principal.role === 'business') {
    if (request.facilityTaxCode !== principal.facilityTaxCode) {
      throw new ForbiddenError(
        {
          vi: `Cơ sở chỉ gửi khiếu nại của chính mình (mã số thuế ${principal.facilityTaxCode ?? 'chưa gắn với tài khoản'})`,
          en: `a facility files complaints for itself only (tax code ${principal.facilityTaxCode ?? 'not bound to the account'})`,
        },
        'complaint.other-facility',
        'facilityTaxCode',
      );
    }
    if (request.receivedOn !== undefined) {
      throw new ForbiddenError(
        {
          vi: 'Khiếu nại gửi trực tuyến được tính nhận vào ngày gửi; chỉ cán bộ ghi ngày nhận của khiếu nại bằng văn bản',
          en: 'an online complaint is received on the day it is filed; only staff enter the receipt day of a paper complaint',
        },
        'complaint.received-on-by-staff',
        'receivedOn',
      );
    }
    return;
  }
  assertMayActFor(principal, request.provinceCode);
}

/** Only the round's council answers its complaints. */
export function assertIsAuthority(principal: Principal, round: ComplaintRound): void {
  if (isAuthorityOf(principal, round)) return;
  throw new ForbiddenError(
    round.provinceCode === null
      ? {
          vi: 'Khiếu nại về vòng bình chọn cấp khu vực, cấp quốc gia do Cục trả lời',
          en: 'complaints about a regional or national round are answered by the agency',
        }
      : {
          vi: `Khiếu nại về vòng bình chọn của tỉnh ${round.provinceCode} do Sở Công Thương tỉnh đó trả lời`,
          en: `complaints about a round of province ${round.provinceCode} are answered by that province's department`,
        },
    'complaint.not-the-authority',
  );
}
