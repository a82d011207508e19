import { Controller, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { periodicReportRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { currentPrincipal } from '@kc/auth';
import { Input, requiredIdempotencyKey, Route } from '@kc/http';
import { cellsOf } from '../../domain/periodic-reports';
import { FormCatalogueService } from '../../application/periodic-reports/form-catalogue.service';
import { PeriodicReportsService } from '../../application/periodic-reports/periodic-reports.service';
import { ReportCalendarService } from '../../application/periodic-reports/report-calendar.service';

/** Why this write needs an Idempotency-Key (the service keeps it in the write's transaction). */
const KEY_NEEDED = {
  vi: 'Gửi báo cáo cần có Idempotency-Key',
  en: 'a submission needs an Idempotency-Key',
};

/** Internal HTTP for the gateway: forms, reports and their workflow, the calendar and completeness. */
@Controller()
export class PeriodicReportsController {
  constructor(
    private readonly catalogue: FormCatalogueService,
    private readonly reports: PeriodicReportsService,
    private readonly calendar: ReportCalendarService,
  ) {}

  @Route(routes.forms)
  forms(): RouteAnswer<typeof routes.forms> {
    return Promise.resolve({
      items: this.catalogue.all().map(({ versions, ...form }) => ({
        ...form,
        versions: versions.map((v) => ({
          version: v.version,
          effectiveFrom: v.effectiveFrom,
          publishedOn: v.publishedOn,
        })),
      })),
    });
  }

  @Route(routes.formVersion)
  formVersion(
    @Input() { params }: RouteInput<typeof routes.formVersion>,
  ): RouteAnswer<typeof routes.formVersion> {
    const { form, version } = this.catalogue.version(params.formId, params.version);
    return Promise.resolve({
      formId: form.id,
      title: form.title,
      reporter: form.reporter,
      frequency: form.frequency,
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      publishedOn: version.publishedOn,
      reviewChain: [...version.reviewChain],
      deadline: version.deadline,
      submissionOpens: version.submissionOpens,
      sections: version.sections.map((s) => ({ ...s, indicators: s.indicators.map((i) => ({ ...i })) })),
      narratives: version.narratives.map((n) => ({ ...n })),
      attachments: version.attachments.map((a) => ({ ...a, mediaTypes: [...a.mediaTypes] })),
      cells: cellsOf(version),
    });
  }

  @Route(routes.open)
  open(@Input() { body }: RouteInput<typeof routes.open>): RouteAnswer<typeof routes.open> {
    return this.reports.open(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.reports.list(currentPrincipal(), query);
  }

  @Route(routes.calendar)
  calendarOf(@Input() { query }: RouteInput<typeof routes.calendar>): RouteAnswer<typeof routes.calendar> {
    return this.calendar.calendar(currentPrincipal(), query);
  }

  @Route(routes.completeness)
  completeness(
    @Input() { query }: RouteInput<typeof routes.completeness>,
  ): RouteAnswer<typeof routes.completeness> {
    return this.calendar.completeness(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>): RouteAnswer<typeof routes.get> {
    return this.reports.get(currentPrincipal(), params.id);
  }

  @Route(routes.edit)
  edit(@Input() { params, body }: RouteInput<typeof routes.edit>): RouteAnswer<typeof routes.edit> {
    return this.reports.edit(currentPrincipal(), params.id, body);
  }

  @Route(routes.submit)
  async submit(
    @Input() { params }: RouteInput<typeof routes.submit>,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): RouteAnswer<typeof routes.submit> {
    const { view, replayed } = await this.reports.submit(
      currentPrincipal(),
      params.id,
      requiredIdempotencyKey(key, KEY_NEEDED),
    );
    if (replayed) res.setHeader('idempotent-replayed', 'true');
    return view;
  }

  @Route(routes.withdraw)
  withdraw(@Input() { params }: RouteInput<typeof routes.withdraw>): RouteAnswer<typeof routes.withdraw> {
    return this.reports.withdraw(currentPrincipal(), params.id);
  }

  @Route(routes.approve)
  approve(@Input() { params }: RouteInput<typeof routes.approve>): RouteAnswer<typeof routes.approve> {
    return this.reports.approve(currentPrincipal(), params.id);
  }

  @Route(routes.return)
  return(@Input() { params, body }: RouteInput<typeof routes.return>): RouteAnswer<typeof routes.return> {
    return this.reports.return(currentPrincipal(), params.id, body.reason);
  }

  @Route(routes.requestReopen)
  requestReopen(
    @Input() { params, body }: RouteInput<typeof routes.requestReopen>,
  ): RouteAnswer<typeof routes.requestReopen> {
    return this.reports.requestReopen(currentPrincipal(), params.id, body.reason);
  }

  @Route(routes.approveReopen)
  approveReopen(
    @Input() { params }: RouteInput<typeof routes.approveReopen>,
  ): RouteAnswer<typeof routes.approveReopen> {
    return this.reports.approveReopen(currentPrincipal(), params.id, params.requestId);
  }
}
