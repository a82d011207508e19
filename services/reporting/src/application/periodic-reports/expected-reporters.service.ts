import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { vietnamDate } from '@kc/reference-data';
import {
  certificateHolderReporters,
  departmentReporters,
  implementingUnitReporters,
  progressMonthOf,
  takesProgressReports,
  type CertificateFacts,
  type Deadline,
  type ExpectedReporter,
  type FormDefinition,
  type Period,
  type ProgressReceipt,
  type ProjectFacts,
} from '../../domain/periodic-reports';
import { reporterFacts } from '../../infrastructure/persistence/periodic-reports/reporter-facts.queries';
import { PeriodicReportsClock } from './periodic-reports-clock';

export interface ReportersOfPeriod {
  reporters: ExpectedReporter[];
  /** Valid certificates whose holder the projection does not know (holders' form only; 0 otherwise). */
  holdersUnknown: number;
}

/** Who owes a form's report for a period, given the period's deadline. */
export type ReportersOf = (period: Period, deadline: Deadline) => ReportersOfPeriod;

/**
 * The reporters each form expects, from the domain's rules over reporting's projections: the units for the
 * departments' forms, the projects in execution for the implementing units' monthly report, the facilities
 * holding a valid certificate for the holders' annual report. `of` reads the projections once, so a caller
 * walking many periods (the calendar, the reminder scheduler) asks the database once per form.
 */
@Injectable()
export class ExpectedReportersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PeriodicReportsClock,
  ) {}

  async of(form: FormDefinition, manager: EntityManager = this.dataSource.manager): Promise<ReportersOf> {
    switch (form.reporter) {
      case 'provincial-department':
        return (period) => ({ reporters: departmentReporters(period), holdersUnknown: 0 });
      case 'implementing-unit': {
        const projects: ProjectFacts[] = await reporterFacts.projects(manager);
        const today = vietnamDate(this.clock.now());
        return (period, deadline) => ({
          reporters: implementingUnitReporters(projects, period, deadline, today),
          holdersUnknown: 0,
        });
      }
      case 'certificate-holder': {
        const certificates: CertificateFacts[] = await reporterFacts.certificates(manager);
        return (period) => certificateHolderReporters(certificates, period);
      }
    }
  }

  /**
   * The monthly progress reports the projects service received for the periods `from`–`to`, read once, for a
   * form they also answer (the implementing units' monthly form; none for the others). The domain picks each
   * period's month (`progressReceiptsOf`) and judges them with the periodic reports (`reporterSubmission`).
   */
  async progressReceipts(
    form: FormDefinition,
    from: Period,
    to: Period,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProgressReceipt[]> {
    if (!takesProgressReports(form)) return [];
    return reporterFacts.progressReceipts(manager, progressMonthOf(from), progressMonthOf(to));
  }
}
