import type { Principal } from '@kc/contracts';
import { isCentral } from '@kc/auth';
import { ForbiddenError, NotFoundError } from '@kc/errors';
import type { ReviewLevel } from '../../domain/periodic-reports';

/**
 * Who may see and act on a province's periodic reports. A province officer — or the province's own system, an
 * API client bound to it — sees and reports for its unit only; another unit's report answers 404 (its existence
 * is not disclosed). The agency sees every unit and reviews at the `agency` level; the province reviews its
 * implementing units' and certificate holders' reports at the `province` level.
 */
export const reportNotFound = (id: string) =>
  new NotFoundError(
    { vi: `Không tìm thấy báo cáo định kỳ ${id}`, en: `Periodic report ${id} not found` },
    'periodic-report.not-found',
    'id',
  );

/** The unit the caller is limited to, or null for the agency. */
export function unitScope(principal: Principal): string | null {
  if (isCentral(principal)) return null;
  if (principal.role === 'province-officer' && principal.provinceCode) return principal.provinceCode;
  throw new ForbiddenError(
    {
      vi: `Vai trò ${principal.role} không làm việc với báo cáo định kỳ của các tỉnh`,
      en: `role ${principal.role} has no access to the provinces' periodic reports`,
    },
    'periodic-report.no-access',
  );
}

export function assertVisible(principal: Principal, report: { provinceCode: string }, id: string): void {
  const scope = unitScope(principal);
  if (scope !== null && scope !== report.provinceCode) throw reportNotFound(id);
}

/** An integrating system acts only with the scope the route names (the gateway checks it too). */
function assertClientScope(principal: Principal, scope: 'reports:write'): void {
  if (principal.kind === 'client' && !principal.scopes.includes(scope)) {
    throw new ForbiddenError(
      { vi: `Hệ thống tích hợp cần quyền ${scope}`, en: `the API client needs the ${scope} scope` },
      'auth.scope-missing',
    );
  }
}

/** Open, edit, submit, withdraw: the reporting unit itself (its officers or its system). */
export function assertReporter(principal: Principal, provinceCode: string): void {
  assertClientScope(principal, 'reports:write');
  if (principal.role === 'province-officer' && principal.provinceCode === provinceCode) return;
  throw new ForbiddenError(
    {
      vi: `Chỉ đơn vị tỉnh ${provinceCode} lập và gửi báo cáo của mình`,
      en: `Only unit ${provinceCode} drafts and submits its own reports`,
    },
    'periodic-report.reporter-only',
  );
}

/** The level the caller reviews at: the agency, or the report's own province. */
export function reviewLevelOf(principal: Principal, provinceCode: string): ReviewLevel {
  assertClientScope(principal, 'reports:write');
  if (isCentral(principal)) return 'agency';
  if (principal.role === 'province-officer' && principal.provinceCode === provinceCode) return 'province';
  throw new ForbiddenError(
    { vi: 'Không có quyền xem xét báo cáo này', en: 'You may not review this report' },
    'periodic-report.reviewer-only',
  );
}

/** Who a person is in a report's history: the stable id (two people with one display name stay two). */
export const actorOf = (principal: Principal): string => principal.id;
