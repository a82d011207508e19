import { provincesAsOf, type IsoDate } from '@kc/reference-data';
import { placements } from '../roll-up';
import type { ExpectedReporter } from './completeness';
import type { Deadline } from './deadlines';
import { periodWindow, type Period } from './periods';

/**
 * Who owes a form's report for a period, besides the provincial departments (one report per unit, see
 * `reportingUnits`): the implementing units of the projects in execution, and the holders of award certificates.
 * Computed from what reporting's projections know, so the application reads the facts and these rules decide.
 */

/** The departments: each unit in force on the period's last day reports for itself (its code is the reporter). */
export function departmentReporters(period: Period): ExpectedReporter[] {
  return provincesAsOf(periodWindow(period).to).map((unit) => ({
    reporterId: unit.code,
    provinceCode: unit.code,
    regionCode: unit.regionCode,
    name: unit.fullNameVi,
  }));
}

/** A project as reporting's projection knows it: enough to tell whether it is in execution in a month. */
export interface ProjectFacts {
  projectId: string;
  code: string;
  title: string;
  /** The code as recorded, to be read on `provinceAsOf`. */
  provinceCode: string;
  provinceAsOf: IsoDate;
  status: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** The day the contract (or task assignment) was signed; null while there is none. */
  contractedOn: IsoDate | null;
  stoppedOn: IsoDate | null;
  /** The Vietnamese day the project reached its current status. */
  statusChangedOn: IsoDate;
}

/** Statuses after the work was accepted: the acceptance day is no later than the change to them. */
const DONE = new Set(['accepted', 'liquidated', 'settled']);

/**
 * The last day a project is (or was, or is planned to be) in execution, seen on `today`: the day it was stopped,
 * the day it was accepted (for a project that moved past acceptance, its schedule's end when that came first —
 * the projection keeps no acceptance day once the status moved on), else its schedule's end — or today, for a
 * project still under way after its schedule ended (late work still reports).
 */
function executionEnd(project: ProjectFacts, today: IsoDate): IsoDate {
  if (project.status === 'stopped') return project.stoppedOn ?? project.statusChangedOn;
  if (project.status === 'accepted') return project.statusChangedOn;
  if (DONE.has(project.status))
    return project.statusChangedOn < project.endDate ? project.statusChangedOn : project.endDate;
  return project.endDate > today ? project.endDate : today;
}

/**
 * Whether a project owes the monthly progress report whose last on-time day is `deadline.lastOnTimeDay` (the
 * 24th, "before the 25th"): it is under contract or an assigned task, its work began by that day (the later of
 * the signing and the schedule's start) and had not ended before it. A project that ends or starts after the
 * report day owes the next month's or none, as the watchlist reads the same duty.
 */
export function owesProgressReport(project: ProjectFacts, deadline: Deadline, today: IsoDate): boolean {
  if (project.status === 'rejected' || project.contractedOn === null) return false;
  const day = deadline.lastOnTimeDay;
  const begins = project.contractedOn > project.startDate ? project.contractedOn : project.startDate;
  return begins <= day && executionEnd(project, today) >= day;
}

/**
 * The implementing units that owe a month's progress report, one per project — progress, money and risks are a
 * project's, and a unit running two projects files two reports. The reporter is the project id (a unit's name is
 * free text, not an identity); the project sits in the unit holding its territory on the month's last day.
 */
export function implementingUnitReporters(
  projects: readonly ProjectFacts[],
  period: Period,
  deadline: Deadline,
  today: IsoDate,
): ExpectedReporter[] {
  const place = placements(periodWindow(period).to);
  return projects
    .filter((p) => owesProgressReport(p, deadline, today))
    .map((p) => {
      const { placed, counted } = place(p.provinceCode, p.provinceAsOf);
      const unit = placed ?? counted;
      return {
        reporterId: p.projectId,
        provinceCode: unit.code,
        regionCode: unit.regionCode,
        name: `${p.code} — ${p.title}`,
      };
    })
    .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode) || a.name.localeCompare(b.name, 'vi'));
}

/** An award certificate as reporting's projection knows it. */
export interface CertificateFacts {
  number: string;
  /** The holder's tax code and name; null for a certificate projected before the projection kept them. */
  holderTaxCode: string | null;
  holderName: string | null;
  /** The holder's unit as recorded on the day of issue (read on `issuedOn`). */
  provinceCode: string;
  issuedOn: IsoDate;
  validUntil: IsoDate;
  /** From this day the certificate no longer counts as valid. */
  withdrawnOn: IsoDate | null;
}

/** Valid on at least one day of `year`: issued by its end, valid until its start or later, not withdrawn by then. */
export function validDuring(certificate: CertificateFacts, year: number): boolean {
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  return (
    certificate.issuedOn <= to &&
    certificate.validUntil >= from &&
    (certificate.withdrawnOn === null || certificate.withdrawnOn > from)
  );
}

/**
 * The facilities that owe a year's report as certificate holders: each facility holding at least one certificate
 * valid during the year, once — its certificates are mostly one product at successive levels, so a report per
 * certificate would ask the same figures two or three times. The reporter is the facility's tax code (the
 * identity a business user signs in with); it sits in the unit of its latest certificate, rolled to the year's
 * last day. `holdersUnknown` counts valid certificates whose holder the projection does not know (projected
 * before it kept holders; a replay of the awards topic fills them): they cannot be placed, so they are counted
 * apart rather than dropped silently.
 */
export function certificateHolderReporters(
  certificates: readonly CertificateFacts[],
  period: Period,
): { reporters: ExpectedReporter[]; holdersUnknown: number } {
  if (period.frequency !== 'year') throw new RangeError('certificate holders report per year');
  const valid = certificates.filter((c) => validDuring(c, period.year));
  const latest = new Map<string, CertificateFacts>();
  for (const c of valid) {
    if (c.holderTaxCode === null) continue;
    const held = latest.get(c.holderTaxCode);
    if (!held || c.issuedOn > held.issuedOn || (c.issuedOn === held.issuedOn && c.number > held.number))
      latest.set(c.holderTaxCode, c);
  }
  const place = placements(periodWindow(period).to);
  const reporters = [...latest.entries()].map(([taxCode, c]): ExpectedReporter => {
    const { placed, counted } = place(c.provinceCode, c.issuedOn);
    const unit = placed ?? counted;
    return {
      reporterId: taxCode,
      provinceCode: unit.code,
      regionCode: unit.regionCode,
      name: c.holderName ?? taxCode,
    };
  });
  reporters.sort(
    (a, b) => a.provinceCode.localeCompare(b.provinceCode) || a.name.localeCompare(b.name, 'vi'),
  );
  return { reporters, holdersUnknown: valid.filter((c) => c.holderTaxCode === null).length };
}
