import type { Principal } from '@kc/contracts';
import { isCentral } from '@kc/auth';
import { ForbiddenError, NotFoundError } from '@kc/errors';
import type { Reporter, ReportSubject, ReviewLevel } from '../../domain/periodic-reports';

/**
 * Who may see and act on periodic reports. A province officer — or the province's own system, an API client
 * bound to it — sees its unit's reports: the department's own, and those of its implementing units (the
 * provincial khuyến công centre is usually the implementing unit, so the officer files them) and of its
 * certificate holders (which it reviews). A business user sees and files only its own facility's holder reports.
 * Another's report answers 404 (its existence is not disclosed). The agency sees every unit and reviews at the
 * `agency` level; the province reviews its implementing units' and certificate holders' reports at `province`.
 */
export const reportNotFound = (id: string) =>
  new NotFoundError(
    { vi: `Không tìm thấy báo cáo định kỳ ${id}`, en: `Periodic report ${id} not found` },
    'periodic-report.not-found',
    'id',
  );

/** What the caller may see: every report (the agency), one unit's, or one facility's holder reports. */
export type ReportScope =
  | { kind: 'agency' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'facility'; taxCode: string };

const noAccess = (principal: Principal) =>
  new ForbiddenError(
    {
      vi: `Vai trò ${principal.role} không làm việc với báo cáo định kỳ`,
      en: `role ${principal.role} has no access to periodic reports`,
    },
    'periodic-report.no-access',
  );

export function reportScope(principal: Principal): ReportScope {
  if (isCentral(principal)) return { kind: 'agency' };
  if (principal.role === 'province-officer' && principal.provinceCode)
    return { kind: 'province', provinceCode: principal.provinceCode };
  if (principal.role === 'business' && principal.facilityTaxCode)
    return { kind: 'facility', taxCode: principal.facilityTaxCode };
  throw noAccess(principal);
}

/** The caller's scope, or null for a role that sees no report (a viewer reads the public counts only). */
export function reportScopeOrNone(principal: Principal): ReportScope | null {
  try {
    return reportScope(principal);
  } catch (error) {
    if (error instanceof ForbiddenError) return null;
    throw error;
  }
}

/** The unit the caller is limited to, or null for the agency; for what only the units and the agency do. */
export function unitScope(principal: Principal): string | null {
  const scope = reportScope(principal);
  if (scope.kind === 'agency') return null;
  if (scope.kind === 'province') return scope.provinceCode;
  throw noAccess(principal);
}

/** Whether a scope covers a report of a form whose reporters are `reporter`. */
export function covers(scope: ReportScope, reporter: Reporter, subject: ReportSubject): boolean {
  if (scope.kind === 'agency') return true;
  if (scope.kind === 'province') return subject.provinceCode === scope.provinceCode;
  return reporter === 'certificate-holder' && subject.reporterId === scope.taxCode;
}

export function assertVisible(
  principal: Principal,
  reporter: Reporter,
  subject: ReportSubject,
  id: string,
): void {
  if (!covers(reportScope(principal), reporter, subject)) throw reportNotFound(id);
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

/**
 * Open, edit, submit, withdraw: the reporter itself — the unit's officers or its system for the department's
 * report and for its implementing units' (the province acts for them), the facility's own business user for a
 * certificate holder's report.
 */
export function assertReporter(principal: Principal, reporter: Reporter, subject: ReportSubject): void {
  assertClientScope(principal, 'reports:write');
  if (reporter === 'certificate-holder') {
    if (principal.role === 'business' && principal.facilityTaxCode === subject.reporterId) return;
    throw new ForbiddenError(
      {
        vi: `Chỉ cơ sở ${subject.reporterId} lập và gửi báo cáo của mình`,
        en: `Only facility ${subject.reporterId} drafts and submits its own report`,
      },
      'periodic-report.reporter-only',
    );
  }
  if (principal.role === 'province-officer' && principal.provinceCode === subject.provinceCode) return;
  throw new ForbiddenError(
    {
      vi: `Chỉ đơn vị tỉnh ${subject.provinceCode} lập và gửi báo cáo của mình`,
      en: `Only unit ${subject.provinceCode} drafts and submits its own reports`,
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
