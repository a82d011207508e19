import { isCentral, maySee } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import { ForbiddenError, NotFoundError } from '@kc/errors';
import type { ReportSubject } from '../../domain/periodic-report';

/** The cluster a report is about, as far as access needs it (null for a province's report). */
export interface ReportParties {
  subject: ReportSubject;
  developerTaxCode: string | null;
}

const isDeveloperOf = (principal: Principal, parties: ReportParties) =>
  principal.role === 'business' &&
  parties.subject.kind === 'cluster' &&
  !!principal.facilityTaxCode &&
  principal.facilityTaxCode === parties.developerTaxCode;

const isOfficerOf = (principal: Principal, provinceCode: string) =>
  principal.role === 'province-officer' && principal.provinceCode === provinceCode;

/** Who sees a report: the agency, its province's department, and for a cluster's report its developer. */
export const maySeeReport = (principal: Principal, parties: ReportParties): boolean =>
  principal.role === 'business'
    ? isDeveloperOf(principal, parties)
    : maySee(principal, parties.subject.provinceCode);

/** A report the caller may not see answers exactly like a missing one. */
export function notFound(id: string): NotFoundError {
  return new NotFoundError(
    { vi: `Không có báo cáo ${id}`, en: `Report ${id} does not exist` },
    'cluster-report.not-found',
  );
}

/**
 * Who files (opens, edits, submits): for a cluster, its developer or its province's department on the
 * developer's behalf; for a province, its department.
 */
export function assertReporter(principal: Principal, parties: ReportParties): void {
  const { subject } = parties;
  if (isOfficerOf(principal, subject.provinceCode)) return;
  if (subject.kind === 'cluster' && isDeveloperOf(principal, parties)) return;
  throw new ForbiddenError(
    subject.kind === 'cluster'
      ? {
          vi: `Báo cáo của cụm ${subject.clusterCode} do chủ đầu tư hạ tầng của cụm hoặc Sở Công Thương tỉnh ${subject.provinceCode} lập và gửi`,
          en: `The report of cluster ${subject.clusterCode} is filed by its infrastructure developer or the department of province ${subject.provinceCode}`,
        }
      : {
          vi: `Báo cáo của tỉnh ${subject.provinceCode} do Sở Công Thương của tỉnh lập và gửi`,
          en: `The report of province ${subject.provinceCode} is filed by its own department`,
        },
    'cluster-report.not-reporter',
  );
}

/** Who reviews (returns, approves): a cluster's report its province's department; a province's, the agency. */
export function mayReview(principal: Principal, subject: ReportSubject): boolean {
  return subject.kind === 'cluster' ? isOfficerOf(principal, subject.provinceCode) : isCentral(principal);
}

export function assertReviewer(principal: Principal, subject: ReportSubject): void {
  if (mayReview(principal, subject)) return;
  throw new ForbiddenError(
    subject.kind === 'cluster'
      ? {
          vi: `Báo cáo của cụm ${subject.clusterCode} do Sở Công Thương tỉnh ${subject.provinceCode} duyệt hoặc trả lại`,
          en: `The report of cluster ${subject.clusterCode} is reviewed by the department of province ${subject.provinceCode}`,
        }
      : {
          vi: `Báo cáo của tỉnh ${subject.provinceCode} do Cục duyệt hoặc trả lại`,
          en: `The report of province ${subject.provinceCode} is reviewed by the agency`,
        },
    'cluster-report.not-reviewer',
  );
}

/**
 * Who may approve a reopening: a reviewer of the report, or the agency for a cluster's report too (above the
 * department); never the person who asked (the domain and the database refuse that as well).
 */
export function assertReopenApprover(principal: Principal, subject: ReportSubject): void {
  if (mayReview(principal, subject) || isCentral(principal)) return;
  throw new ForbiddenError(
    {
      vi: 'Chỉ người có thẩm quyền duyệt báo cáo này mới phê duyệt việc mở lại',
      en: 'Only a reviewer of this report may approve reopening it',
    },
    'cluster-report.not-reopen-approver',
  );
}

/** Who may ask to reopen an approved report: staff who see it (its department or the agency). */
export function assertReopenRequester(principal: Principal, subject: ReportSubject): void {
  if (isCentral(principal) || isOfficerOf(principal, subject.provinceCode)) return;
  throw new ForbiddenError(
    {
      vi: `Chỉ Sở Công Thương tỉnh ${subject.provinceCode} hoặc Cục được đề nghị mở lại báo cáo đã duyệt`,
      en: `Only the department of province ${subject.provinceCode} or the agency may ask to reopen an approved report`,
    },
    'cluster-report.not-reopen-requester',
  );
}
