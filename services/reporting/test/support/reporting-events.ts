import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';

export const DAY_MS = 86_400_000;
/** The day `n` days before today in Việt Nam (negative: after). */
export const daysAgo = (n: number) => vietnamDate(new Date(Date.now() - n * DAY_MS));

/** An envelope as a producing service's outbox would write it. */
export function envelope<P>(
  type: string,
  version: number,
  aggregateId: string,
  provinceCode: string | null,
  payload: P,
): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    producer: type.split('.')[0],
    aggregateId,
    provinceCode,
    actor: { kind: 'system', id: 'itest' },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  } as EventEnvelope;
}

const ACTIONS: Record<string, string> = {
  registered: 'register',
  'base-appraised': 'base-appraise',
  submitted: 'submit',
  'ministry-appraised': 'ministry-appraise',
  'in-plan': 'assign',
  contracted: 'contract',
  'in-progress': 'report-progress',
  accepted: 'accept',
  liquidated: 'liquidate',
  settled: 'settle',
  stopped: 'stop',
};

/** The statuses from registration into a plan. */
export const TO_PLAN = ['registered', 'base-appraised', 'submitted', 'ministry-appraised', 'in-plan'];

/**
 * The events the projects service publishes about the projects of one plan (`planYear` by default the plan's;
 * a project may name another, as a record from before the plan's year would): a model-and-machinery project
 * asking 900,000,000 VND of KCQG on a 2,000,000,000 VND cost, started 120 days ago.
 */
export function projectEventsOf(plan: { planId: string; year: number }) {
  const project = (projectId: string, provinceCode: string, planYear = plan.year) => ({
    projectId,
    planId: plan.planId,
    planYear,
    provinceCode,
  });
  return {
    project,

    registered: (projectId: string, provinceCode: string, n: number, planYear = plan.year) =>
      envelope('projects.project.registered', 2, projectId, provinceCode, {
        ...project(projectId, provinceCode, planYear),
        code: `KCQG-${planYear}-${provinceCode}-00${n}`,
        planLevel: 'national',
        fundingSource: 'KCQG',
        title: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất gốm sứ',
        kind: 'ordinary',
        activityContents: [3],
        implementingUnit: 'Trung tâm Khuyến công',
        commune: null,
        startDate: daysAgo(120),
        endDate: daysAgo(-60),
        kcqgVnd: 900_000_000,
        kcdpVnd: 0,
        counterpartVnd: 1_100_000_000,
        otherVnd: 0,
        requestedSupportVnd: 900_000_000,
        normCode: null,
        normUnits: null,
        procurementMode: 'selection',
        advanceCategory: 'model-machinery',
        beneficiaryTaxCodes: ['2900123456'],
      }),

    /** The walk along the lifecycle, one status-changed event per step (each step at `at`, default now). */
    walk: (
      projectId: string,
      provinceCode: string,
      statuses: string[],
      planYear = plan.year,
      at = new Date().toISOString(),
    ) =>
      statuses.slice(1).map((to, i) =>
        envelope('projects.project.status-changed', 1, projectId, provinceCode, {
          ...project(projectId, provinceCode, planYear),
          from: statuses[i],
          to,
          action: ACTIONS[to],
          at,
        }),
      ),

    /** Contracted 100 days ago for `value`, all of it allocated. */
    contracted: (projectId: string, provinceCode: string, value: number, planYear = plan.year) =>
      envelope('projects.project.contracted', 1, projectId, provinceCode, {
        ...project(projectId, provinceCode, planYear),
        mode: 'contract',
        number: `HĐ-${provinceCode}/${planYear}`,
        signedOn: daysAgo(100),
        contractValueVnd: value,
        allocatedVnd: value,
        parties: ['Cục Công Thương địa phương', 'Trung tâm Khuyến công'],
      }),

    /** Money moved 50 days ago; `paid` the project's total paid after it. */
    disbursed: (projectId: string, provinceCode: string, kind: string, amount: number, paid: number) =>
      envelope('projects.disbursement.recorded', 1, projectId, provinceCode, {
        ...project(projectId, provinceCode),
        disbursementId: randomUUID(),
        kind,
        amountVnd: amount,
        on: daysAgo(50),
        reference: null,
        advancedVnd: kind === 'advance' ? amount : 0,
        paidVnd: paid,
      }),
  };
}

export const CERTIFICATES = 'awards.certificate.events';

/** A certificate as the awards service publishes it: `validUntil` by default 31/12 of the third year. */
export interface CertificateGiven {
  number: string;
  level: 'commune' | 'provincial' | 'regional' | 'national';
  productGroup: string;
  provinceCode: string;
  issuedOn: string;
  validUntil?: string;
}

/** The awards service's certificate events, keyed (and so ordered) by the certificate's id. */
export function certificateEvents(given: CertificateGiven) {
  const certificateId = randomUUID();
  const roundId = randomUUID();
  const issueYear = Number(given.issuedOn.slice(0, 4));
  return {
    certificateId,
    issued: () =>
      envelope('awards.certificate.issued', 1, certificateId, given.provinceCode, {
        certificateId,
        number: given.number,
        roundId,
        roundYear: issueYear,
        level: given.level,
        productGroup: given.productGroup,
        productName: 'Bình gốm men rạn',
        holderName: 'Hợp tác xã gốm sứ',
        holderTaxCode: '0600123456',
        provinceCode: given.provinceCode,
        issuedOn: given.issuedOn,
        validUntil: given.validUntil ?? `${issueYear + 2}-12-31`,
      }),
    withdrawn: (withdrawnOn: string) =>
      envelope('awards.certificate.withdrawn', 1, certificateId, given.provinceCode, {
        certificateId,
        number: given.number,
        withdrawnOn,
        reason: 'Sản phẩm không còn đáp ứng tiêu chuẩn chất lượng đã đăng ký',
      }),
  };
}

export const ENTRIES = 'awards.entry.events';
export const ROUNDS = 'awards.round.events';
export const ARTISANS = 'awards.artisan.events';

type AwardLevel = 'commune' | 'provincial' | 'regional' | 'national';
type ProductGroup = 'handicraft' | 'agro-food' | 'machinery' | 'other';

/** One entrant code's entries of one group in a round, and how many passed. */
export interface EntrantsGiven {
  provinceCode: string;
  productGroup: ProductGroup;
  entries: number;
  passed: number;
  submittedOn: string;
}

/**
 * A round of the awards service: an entry event per entry (keyed by entry), and the published result with its
 * per-group lines and per-province rows (keyed by round), as `ResultsService` publishes them.
 */
export function awardRoundEvents(round: {
  level: AwardLevel;
  year: number;
  /** The round's own unit (provincial and commune rounds) or region (regional rounds). */
  provinceCode?: string;
  regionCode?: 'north' | 'central' | 'south';
  announcedOn: string;
  entrants: EntrantsGiven[];
}) {
  const roundId = randomUUID();
  const entries = round.entrants.flatMap((e) =>
    Array.from({ length: e.entries }, () => {
      const entryId = randomUUID();
      return envelope('awards.entry.submitted', 1, entryId, e.provinceCode, {
        entryId,
        roundId,
        level: round.level,
        roundYear: round.year,
        provinceCode: e.provinceCode,
        productGroup: e.productGroup,
        submittedOn: e.submittedOn,
      });
    }),
  );
  const groups = (['handicraft', 'agro-food', 'machinery', 'other'] as const).map((productGroup) => {
    const of = round.entrants.filter((e) => e.productGroup === productGroup);
    return {
      productGroup,
      entries: of.reduce((sum, e) => sum + e.entries, 0),
      passed: of.reduce((sum, e) => sum + e.passed, 0),
    };
  });
  return {
    roundId,
    entries,
    result: () =>
      envelope('awards.round.result-published', 1, roundId, round.provinceCode ?? null, {
        roundId,
        level: round.level,
        year: round.year,
        provinceCode: round.provinceCode ?? null,
        regionCode: round.regionCode ?? null,
        localUnitCode: null,
        announcedOn: round.announcedOn,
        resultSha256: 'ab'.repeat(32),
        groups,
        provinces: round.entrants.map(({ provinceCode, productGroup, entries, passed }) => ({
          provinceCode,
          productGroup,
          entries,
          passed,
        })),
      }),
  };
}

/** The State President's conferral of a title on a nominee of `provinceCode`. */
export function titleConferred(title: 'meritorious' | 'people', provinceCode: string, conferredOn: string) {
  const nominationId = randomUUID();
  return envelope('awards.artisan.title-conferred', 1, nominationId, provinceCode, {
    nominationId,
    title,
    provinceCode,
    year: Number(conferredOn.slice(0, 4)),
    conferredOn,
  });
}
