import type { Principal } from '@kc/contracts';
import type { ReporterKind } from './figures';

/**
 * Who the periodic-report pages show what, free of React. It follows the routes (libs/contracts
 * `periodic-reports.routes.ts`) and the reporting service's `report-access.ts`, so the pages never offer a link
 * or a button the API answers with 403: the API still decides, and its refusal is shown as it says it.
 */
export type Reader = Pick<Principal, 'role' | 'provinceCode' | 'facilityTaxCode'> | null;

const AGENCY_ROLES: readonly Principal['role'][] = ['central-admin', 'central-officer'];

const isAgencyReader = (reader: Reader) => !!reader && AGENCY_ROLES.includes(reader.role);

/** The facility (tax code) a business user files for, or null: the reporter of its certificate-holder reports. */
export function facilityOf(reader: Reader): string | null {
  return reader?.role === 'business' && reader.facilityTaxCode ? reader.facilityTaxCode : null;
}

/**
 * Whether the reader may use the report pages (the list, the calendar, a report, the notifications): the routes
 * admit the staff and the business users; the service narrows a business user to its facility's holder reports
 * and refuses (403) one bound to no facility, so such a user is not shown them.
 */
export function readsReports(reader: Reader): boolean {
  if (!reader) return false;
  if (isAgencyReader(reader) || reader.role === 'province-officer') return true;
  return facilityOf(reader) !== null;
}

/**
 * Whether the reader files a report — opens, edits, submits, withdraws it: a certificate holder's report its
 * facility's business user only; the department's and its implementing units' reports that unit's officer.
 */
export function filesReport(
  reader: Reader,
  reporter: ReporterKind,
  subject: { provinceCode: string; reporterId: string },
): boolean {
  if (!reader) return false;
  if (reporter === 'certificate-holder') return facilityOf(reader) === subject.reporterId;
  return reader.role === 'province-officer' && reader.provinceCode === subject.provinceCode;
}

/** Whether the reader reviews a report now: the level it awaits — the agency, or the report's own province. */
export function reviewsReport(
  reader: Reader,
  report: { status: string; awaiting: 'province' | 'agency' | null; provinceCode: string },
): boolean {
  if (!reader || report.status !== 'submitted') return false;
  if (report.awaiting === 'agency') return isAgencyReader(reader);
  return (
    report.awaiting === 'province' &&
    reader.role === 'province-officer' &&
    reader.provinceCode === report.provinceCode
  );
}

/**
 * Whether the reader may download a form's Excel template or import one: the staff's routes (a business user
 * enters its figures on the page).
 */
export function usesExcel(reader: Reader): boolean {
  return !!reader && (isAgencyReader(reader) || reader.role === 'province-officer');
}

/**
 * Whether the reporter may still take its submission back (the service's rule): submitted, nobody has acted on
 * it since, and the last on-time day has not ended in Việt Nam (`today`, YYYY-MM-DD there); after it the
 * submission is locked and only a reviewer's return reopens it.
 */
export function mayWithdraw(
  report: { status: string; events: readonly { kind: string }[]; deadline: { lastOnTimeDay: string } },
  today: string,
): boolean {
  return (
    report.status === 'submitted' &&
    report.events.at(-1)?.kind === 'submitted' &&
    today <= report.deadline.lastOnTimeDay
  );
}
