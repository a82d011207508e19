import { formatVnd, projectStatusLabel } from '@kc/contracts';
import { RuleViolationError, type Bilingual } from '@kc/errors';
import { vietnamDate } from '@kc/reference-data';
import { normCapText, type NormAllowance } from './funding-norm';
import type { ProjectRef } from './project-ref';

/** A report is on time if the province sent it by the deadline day; a later one is accepted but flagged. */
export const isLate = (sentOn: string, deadline: string): boolean => sentOn > deadline;

/**
 * The day a report was sent: as given (a report entered after it was sent, e.g. from the paper dispatch), then
 * never before the report's own date nor in the future; else the day it is entered, in Vietnam.
 */
export function sentOnOf(report: { reportDate: string; sentOn?: string }, enteredAt: Date): string {
  const today = vietnamDate(enteredAt);
  if (report.sentOn === undefined) return today;
  const sentOn = report.sentOn;
  if (sentOn < report.reportDate) {
    throw new RuleViolationError(
      {
        vi: `Ngày gửi ${sentOn} trước ngày báo cáo ${report.reportDate}`,
        en: `the report cannot be sent (${sentOn}) before its own date (${report.reportDate})`,
      },
      'registration.sent-before-dated',
      'sentOn',
    );
  }
  if (sentOn > today) {
    throw new RuleViolationError(
      {
        vi: `Ngày gửi ${sentOn} chưa đến (hôm nay là ${today} theo giờ Việt Nam)`,
        en: `the sending day ${sentOn} is in the future (today is ${today} in Vietnam)`,
      },
      'registration.sent-in-future',
      'sentOn',
    );
  }
  return sentOn;
}

export interface RegistrationTarget {
  planId: string;
  level: 'national' | 'provincial';
  provinceCode: string | null;
}

/**
 * Why a listed project cannot be in this report. Plans learns of a project when it is registered, so one it
 * has never heard of is a draft or not a project of this plan at all: the message states the rule.
 */
function notListable(
  projectId: string,
  project: ProjectRef | undefined,
  planId: string,
  provinceCode: string,
): Bilingual {
  if (!project) {
    return {
      vi:
        `Đề án ${projectId} chưa được đăng ký vào kế hoạch này: báo cáo đăng ký chỉ liệt kê đề án đã đăng ký ` +
        `và đã thẩm định cấp cơ sở của tỉnh ${provinceCode} trong kế hoạch (đề án dự thảo phải được đăng ký ` +
        'trước)',
      en:
        `Project ${projectId} is not registered in this plan: a registration report lists only registered, ` +
        `base-appraised projects of province ${provinceCode} in the plan (a draft project must be registered first)`,
    };
  }
  if (project.planId !== planId) {
    return {
      vi: `Đề án ${project.code} thuộc kế hoạch khác (${project.planId}), không thuộc kế hoạch này`,
      en: `Project ${project.code} belongs to another plan (${project.planId}), not this one`,
    };
  }
  return {
    vi: `Đề án ${project.code} là đề án của tỉnh ${project.provinceCode}, không phải của tỉnh ${provinceCode}`,
    en: `Project ${project.code} is a project of province ${project.provinceCode}, not of province ${provinceCode}`,
  };
}

/**
 * A province lists its own base-appraised projects of this plan; a provincial plan takes only its own
 * province's report, each asking for no more than its funding norm allows (`allowance`: null for a project
 * naming no norm).
 */
export function assertRegistrable(
  plan: RegistrationTarget,
  provinceCode: string,
  listed: { projectId: string; project: ProjectRef | undefined; allowance: NormAllowance | null }[],
): void {
  if (plan.level === 'provincial' && plan.provinceCode !== provinceCode) {
    throw new RuleViolationError(
      {
        vi: `Kế hoạch của tỉnh ${plan.provinceCode} chỉ nhận đăng ký của chính tỉnh đó`,
        en: `The provincial plan of ${plan.provinceCode} takes registrations of its own province only`,
      },
      'registration.other-province',
      'provinceCode',
    );
  }
  listed.forEach(({ projectId, project, allowance }, i) => {
    const field = `projectIds[${i}]`;
    if (!project || project.planId !== plan.planId || project.provinceCode !== provinceCode) {
      throw new RuleViolationError(
        notListable(projectId, project, plan.planId, provinceCode),
        'registration.unknown-project',
        field,
      );
    }
    if (project.status !== 'base-appraised') {
      throw new RuleViolationError(
        {
          vi:
            `Đề án ${project.code} đang ở trạng thái "${projectStatusLabel(project.status)}"; chỉ đăng ký đề án ` +
            'đã thẩm định cấp cơ sở',
          en: `Project ${project.code} is ${project.status}; only base-appraised projects are registered`,
        },
        'registration.project-not-base-appraised',
        field,
      );
    }
    if (allowance && project.requestedSupportVnd > allowance.maxSupportVnd) {
      const cap = normCapText(allowance);
      throw new RuleViolationError(
        {
          vi: `Đề án ${project.code} đề nghị hỗ trợ ${formatVnd(project.requestedSupportVnd)} VND, vượt ${cap.vi}`,
          en: `Project ${project.code} asks for ${formatVnd(project.requestedSupportVnd)} VND of support, above ${cap.en}`,
        },
        'registration.over-norm',
        field,
      );
    }
  });
}
