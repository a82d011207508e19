import { z } from 'zod';
import { isoDate, provinceCode, text, year } from '../primitives';
import { ruleIssue, say } from '../messages';
import { awardLevels, awardProductGroups, type AwardLevel } from './award-certificates';
import { filePieceRequest } from './file-pieces';
import { taxCode } from './booths';
import { unitAsOf } from './unit-filter';

/** How the level reads in Vietnamese (messages, lists, exports); a known round says commune or district itself. */
export const awardLevelLabels: Record<AwardLevel, string> = {
  commune: 'cấp xã (cấp huyện trước 07/2025)',
  provincial: 'cấp tỉnh',
  regional: 'cấp khu vực',
  national: 'cấp quốc gia',
};
const awardRegion = z.enum(['north', 'central', 'south']);
/** The commune's statistical code (5 digits), or the district's (3 digits) for rounds before 07/2025. */
const localUnitCode = z
  .string()
  .regex(
    /^(\d{3}|\d{5})$/,
    say(
      'phải là mã xã gồm 5 chữ số (mã huyện 3 chữ số với vòng trước 07/2025)',
      'must be a 5-digit commune code (a 3-digit district code for rounds before 07/2025)',
    ),
  );

/** A round's life: entries are taken, then scored, then the results are fixed and published. */
export const awardRoundStates = ['entries-open', 'scoring', 'closed', 'published'] as const;
export type AwardRoundState = (typeof awardRoundStates)[number];
export const awardRoundStateLabels: Record<AwardRoundState, string> = {
  'entries-open': 'Đang nhận hồ sơ dự thi',
  scoring: 'Đang chấm điểm',
  closed: 'Đã kết thúc chấm điểm',
  published: 'Đã công bố kết quả',
};

/** The dates of a round's schedule, in order; the last three exist once the results are announced. */
export const awardDeadlineKinds = [
  'entries-open',
  'entries-close',
  'scoring-close',
  'announcement',
  'complaints-close',
  'complaint-answers-due',
] as const;
export type AwardDeadlineKind = (typeof awardDeadlineKinds)[number];
export const awardDeadlineLabels: Record<AwardDeadlineKind, string> = {
  'entries-open': 'Bắt đầu nhận hồ sơ dự thi',
  'entries-close': 'Hạn nhận hồ sơ dự thi',
  'scoring-close': 'Hạn kết thúc chấm điểm',
  announcement: 'Ngày công bố kết quả',
  'complaints-close': 'Hạn nhận khiếu nại (15 ngày làm việc sau ngày công bố)',
  'complaint-answers-due': 'Hạn trả lời khiếu nại nhận ngày cuối (10 ngày làm việc)',
};

/** The statutory criteria (Circular 26/2014/TT-BCT as amended), in their order. */
export const awardCriterionIds = [
  'market',
  'economic-technical-social-environmental',
  'cultural-aesthetic',
  'other',
] as const;
const bilingualLabel = z.strictObject({ vi: text(300), en: text(300) });
const subCriterion = z.strictObject({
  id: z.string().min(1).max(60),
  label: bilingualLabel,
  /** Tenths of a point: 150 = 15 points. */
  maxTenths: z.number().int().min(1).max(1000),
});
const criterion = z.strictObject({
  id: z.enum(awardCriterionIds),
  label: bilingualLabel,
  maxTenths: z.number().int().min(1).max(1000),
  subCriteria: z.array(subCriterion).max(20).default([]),
});
const criterionView = z.object({
  id: z.enum(awardCriterionIds),
  label: z.object({ vi: z.string(), en: z.string() }),
  maxTenths: z.number().int(),
  subCriteria: z.array(
    z.object({ id: z.string(), label: z.object({ vi: z.string(), en: z.string() }), maxTenths: z.number() }),
  ),
});

/** Given at opening; the announcement and the complaint deadlines are set when the results are published. */
const scheduleRequest = z.strictObject({
  entriesOpenOn: isoDate,
  entriesCloseOn: isoDate,
  scoringClosesOn: isoDate,
});

/** POST /api/v1/award-rounds — opens a round of bình chọn sản phẩm CNNT tiêu biểu at one level. */
export const openAwardRoundRequest = z
  .strictObject({
    name: text(300),
    year,
    level: z.enum(awardLevels),
    provinceCode: provinceCode.optional(),
    regionCode: awardRegion.optional(),
    localUnitCode: localUnitCode.optional(),
    closesOn: isoDate.optional(),
    /** Without a schedule the round takes no entries (rounds opened before schedules existed). */
    schedule: scheduleRequest.optional(),
    /** The statutory four, each optionally split into sub-criteria; the statutory criteria when absent. */
    criteria: z.array(criterion).max(4).optional(),
    /** Most entries one province may have in one product group; none when absent or null. */
    quotaPerProvinceAndGroup: z.number().int().min(1).max(1000).nullable().optional(),
    /**
     * A past round run again by the agency from its records: a schedule whose scoring closed before today, each
     * entry with the day it was received, the result with the day it was announced.
     */
    historic: z.boolean().default(false),
  })
  .superRefine((round, ctx) => {
    const requires = (field: 'provinceCode' | 'regionCode' | 'localUnitCode', needed: boolean) => {
      const label = awardLevelLabels[round.level];
      if (needed && !round[field]) {
        ctx.addIssue({
          ...ruleIssue(
            'required-for-level',
            `bắt buộc với vòng ${label}`,
            `is required for a ${round.level} round`,
          ),
          path: [field],
        });
      }
      if (!needed && round[field]) {
        ctx.addIssue({
          ...ruleIssue(
            'absent-for-level',
            `phải để trống với vòng ${label}`,
            `must be absent for a ${round.level} round`,
          ),
          path: [field],
        });
      }
    };
    requires('provinceCode', round.level === 'provincial' || round.level === 'commune');
    requires('regionCode', round.level === 'regional');
    requires('localUnitCode', round.level === 'commune');
  });
export type OpenAwardRoundRequest = z.infer<typeof openAwardRoundRequest>;

export const listAwardRoundsQuery = z.strictObject({
  year: z.coerce.number().pipe(year).optional(),
  level: z.enum(awardLevels).optional(),
  regionCode: awardRegion.optional(),
  provinceCode: provinceCode.optional(),
  state: z.enum(awardRoundStates).optional(),
  unitAsOf,
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAwardRoundsQuery = z.infer<typeof listAwardRoundsQuery>;

const deadlineView = z.object({
  kind: z.enum(awardDeadlineKinds),
  on: isoDate,
  /** `awardDeadlineLabels`. */
  label: z.string(),
});

export const awardRoundView = z.object({
  id: z.uuid(),
  name: z.string(),
  year,
  level: z.enum(awardLevels),
  /** The level as the round reads in Vietnamese: "cấp xã" or "cấp huyện" at the entry level. */
  levelLabel: z.string(),
  provinceCode: provinceCode.nullable(),
  regionCode: awardRegion.nullable(),
  localUnitCode: z.string().nullable(),
  closesOn: isoDate.nullable(),
  state: z.enum(awardRoundStates),
  stateLabel: z.string(),
  schedule: z
    .object({
      entriesOpenOn: isoDate,
      entriesCloseOn: isoDate,
      scoringClosesOn: isoDate,
      announcedOn: isoDate.nullable(),
      /** The 15th working day after the announcement: the last day a complaint is received. */
      complaintsCloseOn: isoDate.nullable(),
      /** 10 working days after the last day of complaints: the latest any complaint's answer is due. */
      complaintAnswersDueBy: isoDate.nullable(),
      /** The working-day calendar version the two deadlines were counted on. */
      workingDayCalendar: z.string().nullable(),
    })
    .nullable(),
  /** Every date of the schedule known so far, in order, each with its label. */
  deadlines: z.array(deadlineView),
  criteria: z.array(criterionView),
  quotaPerProvinceAndGroup: z.number().int().nullable(),
  /** Once published: the SHA-256 of the result document's exact bytes (GET …/result). */
  resultSha256: z.string().nullable(),
  /** Departures from usual practice that do not block the round (e.g. a national round in an even year). */
  warnings: z.array(z.string()),
  /** A past round run again by the agency from its records (its dates are the recorded ones). */
  historic: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type AwardRoundView = z.infer<typeof awardRoundView>;

// --------------------------------------------------------------------------------------------------------------
// Council and jury
// --------------------------------------------------------------------------------------------------------------

/** A platform user id, as the principal carries it. */
const userId = z.string().min(1).max(100);
const person = z.strictObject({ userId, displayName: text(200) });

/** PUT /api/v1/award-rounds/:id/council — the council, its secretary and the jury drawn from it. */
export const setAwardCouncilRequest = z.strictObject({
  members: z.array(person).min(1).max(50),
  /** A staff user of the round's authority: names substitutes, follows progress. */
  secretary: person,
  /** An odd number of council members, at least three. */
  jurorIds: z.array(userId).min(1).max(50),
});
export type SetAwardCouncilRequest = z.infer<typeof setAwardCouncilRequest>;

export const awardCouncilView = z.object({
  roundId: z.uuid(),
  /** The council's size at the round's level. */
  sizeLimits: z.object({ min: z.number().int(), max: z.number().int() }),
  members: z.array(z.object({ userId: z.string(), displayName: z.string(), onJury: z.boolean() })),
  secretary: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  jurorIds: z.array(z.string()),
});
export type AwardCouncilView = z.infer<typeof awardCouncilView>;

export const entryParams = z.strictObject({ id: z.uuid(), entryId: z.uuid() });

/** POST …/entries/:entryId/recusal — a juror declares a conflict of interest with an entry. */
export const declareRecusalRequest = z.strictObject({ reason: text(1000) });
export type DeclareRecusalRequest = z.infer<typeof declareRecusalRequest>;

/** POST …/entries/:entryId/substitutes — the secretary names a council member in a recused juror's place. */
export const nameSubstituteRequest = z.strictObject({ substituteId: userId });
export type NameSubstituteRequest = z.infer<typeof nameSubstituteRequest>;

export const recusalView = z.object({
  roundId: z.uuid(),
  entryId: z.uuid(),
  entryCode: z.string(),
  memberId: z.string(),
  reason: z.string(),
  declaredAt: z.iso.datetime(),
  /** The juror's sheet for the entry, if any, no longer counts and was removed. */
  sheetWithdrawn: z.boolean(),
});
export type RecusalView = z.infer<typeof recusalView>;

/** Who scores one entry; for the council's secretary and the round's authority, never for jurors. */
export const entryPanelView = z.object({
  entryId: z.uuid(),
  entryCode: z.string(),
  jurorIds: z.array(z.string()),
  recusals: z.array(z.object({ memberId: z.string(), reason: z.string(), declaredAt: z.iso.datetime() })),
  substituteIds: z.array(z.string()),
  /** Null when the panel may be finalised; otherwise why not (e.g. even after a recusal). */
  defect: z.object({ code: z.string(), messages: z.object({ vi: z.string(), en: z.string() }) }).nullable(),
});
export type EntryPanelView = z.infer<typeof entryPanelView>;

// --------------------------------------------------------------------------------------------------------------
// Entries and shortlists
// --------------------------------------------------------------------------------------------------------------

export const dossierFileKinds = ['registration-form', 'description', 'photo', 'certificate-copy'] as const;
const dossierFile = z.strictObject({
  kind: z.enum(dossierFileKinds),
  fileName: text(255),
  mediaType: z.string().min(1).max(100),
  sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().min(1).max(100),
});

const enteredProduct = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('product'), name: text(300) }),
  /** A product set enters under one name and lists what it is made of. */
  z.strictObject({
    kind: z.literal('product-set'),
    name: text(300),
    items: z.array(text(300)).min(1).max(50),
  }),
]);

/** POST /api/v1/award-rounds/:id/entries — a product entered by its facility, its province or the agency. */
export const submitAwardEntryRequest = z.strictObject({
  facility: z.strictObject({
    name: text(300),
    taxCode,
    provinceCode,
    /** The facility's commune (district before 07/2025); required at the commune level. */
    localUnitCode: localUnitCode.nullable().optional(),
  }),
  productGroup: z.enum(awardProductGroups),
  product: enteredProduct,
  /** Above the commune level: the certificate of the level directly below, on the lower authority's shortlist. */
  lowerCertificateNumber: z.string().min(1).max(40).optional(),
  /** What the dossier holds: each file's kind, name, type, size and SHA-256 (limits per kind). */
  dossier: z.array(dossierFile).min(1).max(30),
  /** Historic rounds only (and required there): the day the dossier was received, within the entry window. */
  submittedOn: isoDate.optional(),
});
export type SubmitAwardEntryRequest = z.infer<typeof submitAwardEntryRequest>;

export const dossierFileParams = z.strictObject({
  id: z.uuid(),
  entryId: z.uuid(),
  /** The file's place in the entry's dossier, from 0, as the entry lists it. */
  position: z.coerce.number().int().min(0).max(29),
});

/**
 * POST …/entries/:entryId/dossier/:position/content — the next piece of a declared file's bytes. A file of up to
 * 512 KiB goes in one request (offset 0); a larger one in pieces, each starting where the last one ended.
 */
export const putDossierContentRequest = filePieceRequest;
export type PutDossierContentRequest = z.infer<typeof putDossierContentRequest>;

export const dossierFileView = z.object({
  roundId: z.uuid(),
  entryId: z.uuid(),
  position: z.number().int(),
  kind: z.enum(dossierFileKinds),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  /** The SHA-256 declared with the entry; the stored bytes hash to it once uploaded. */
  sha256: z.string(),
  receivedBytes: z.number().int(),
  uploaded: z.boolean(),
});
export type DossierFileView = z.infer<typeof dossierFileView>;

export const listAwardEntriesQuery = z.strictObject({
  productGroup: z.enum(awardProductGroups).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAwardEntriesQuery = z.infer<typeof listAwardEntriesQuery>;

export const awardEntryView = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  /** E-0001…: the entry's name in the round and in its published result. */
  code: z.string(),
  facility: z.object({
    name: z.string(),
    taxCode: z.string(),
    provinceCode,
    localUnitCode: z.string().nullable(),
  }),
  productGroup: z.enum(awardProductGroups),
  productGroupLabel: z.string(),
  product: z.object({
    kind: z.enum(['product', 'product-set']),
    name: z.string(),
    items: z.array(z.string()),
  }),
  lowerCertificateNumber: z.string().nullable(),
  dossier: z.array(
    z.object({
      kind: z.enum(dossierFileKinds),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      /** The bytes of the file received so far (…/dossier/:position/content); all of them once uploaded. */
      receivedBytes: z.number().int(),
      /** Every byte is stored and its SHA-256, computed by the service, equals `sha256`: it may be downloaded. */
      uploaded: z.boolean(),
    }),
  ),
  submittedOn: isoDate,
  submittedBy: z.string(),
});
export type AwardEntryView = z.infer<typeof awardEntryView>;

export const shortlistParams = z.strictObject({ id: z.uuid(), provinceCode });

/** PUT /api/v1/award-rounds/:id/shortlist/:provinceCode — the certificates a lower authority puts forward. */
export const putShortlistRequest = z.strictObject({
  certificateNumbers: z.array(z.string().min(1).max(40)).max(1000),
});
export type PutShortlistRequest = z.infer<typeof putShortlistRequest>;

export const shortlistView = z.object({
  roundId: z.uuid(),
  provinceCode,
  certificateNumbers: z.array(z.string()),
});
export type ShortlistView = z.infer<typeof shortlistView>;

// --------------------------------------------------------------------------------------------------------------
// Scoring
// --------------------------------------------------------------------------------------------------------------

/** Points with at most one decimal; a criterion split into sub-criteria is scored per sub-criterion. */
const points = z.number().min(0).max(100);

/** PUT …/entries/:entryId/sheet — the calling juror's own sheet for an entry assigned to them. */
export const putScoreSheetRequest = z.strictObject({
  scores: z.record(z.string().min(1).max(60), z.union([points, z.record(z.string().min(1).max(60), points)])),
});
export type PutScoreSheetRequest = z.infer<typeof putScoreSheetRequest>;

export const scoreSheetView = z.object({
  roundId: z.uuid(),
  entryId: z.uuid(),
  entryCode: z.string(),
  /** Tenths of a point, per criterion or per sub-criterion. */
  scoresTenths: z.record(z.string(), z.union([z.number().int(), z.record(z.string(), z.number().int())])),
  totalTenths: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type ScoreSheetView = z.infer<typeof scoreSheetView>;

/** One entry assigned to the calling juror, with the juror's own sheet (never anyone else's). */
export const assignmentView = z.object({ entry: awardEntryView, sheet: scoreSheetView.nullable() });
export type AssignmentView = z.infer<typeof assignmentView>;

export const listAssignmentsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAssignmentsQuery = z.infer<typeof listAssignmentsQuery>;

/** Sheets done per juror: counts only, so the secretary follows the work without seeing a score. */
export const scoringProgressView = z.object({
  roundId: z.uuid(),
  state: z.enum(awardRoundStates),
  jurors: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      assigned: z.number().int(),
      done: z.number().int(),
    }),
  ),
  totals: z.object({ assigned: z.number().int(), done: z.number().int() }),
});
export type ScoringProgressView = z.infer<typeof scoringProgressView>;

// --------------------------------------------------------------------------------------------------------------
// Results
// --------------------------------------------------------------------------------------------------------------

export const resultNormalisations = ['none', 'juror-z-score'] as const;

/** POST …/publish — `juror-z-score` adds an informative normalised average beside the raw one. */
export const publishAwardRoundRequest = z.strictObject({
  normalisation: z.enum(resultNormalisations).default('none'),
  /** Historic rounds only (and required there): the day the result was announced. */
  announcedOn: isoDate.optional(),
});
export type PublishAwardRoundRequest = z.infer<typeof publishAwardRoundRequest>;

/**
 * A round's publication, done in the background (a large round takes longer than any request may): `pending`
 * until the result, the certificates and the event commit together, then `published`; `failed` after repeated
 * failures (POST …/publish again to retry).
 */
export const publicationStates = ['pending', 'published', 'failed'] as const;
export const publicationView = z.object({
  roundId: z.uuid(),
  state: z.enum(publicationStates),
  normalisation: z.enum(resultNormalisations),
  /** The announcement date: the day publication was asked for, whenever the work completes. */
  announcedOn: isoDate,
  requestedBy: z.string(),
  requestedAt: z.iso.datetime(),
  attempts: z.number().int(),
  /** Why the last attempt failed, if it did. */
  lastError: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  resultSha256: z.string().nullable(),
  /** Once published: the counts and the certificates issued in the same commit. */
  entries: z.number().int().nullable(),
  passed: z.number().int().nullable(),
  certificates: z.array(z.object({ entryId: z.uuid(), entryCode: z.string(), number: z.string() })),
});
export type PublicationView = z.infer<typeof publicationView>;

export const publishedRoundView = z.object({
  round: awardRoundView,
  entries: z.number().int(),
  passed: z.number().int(),
  /** The certificates issued to the passing entries, in the same commit. */
  certificates: z.array(z.object({ entryId: z.uuid(), entryCode: z.string(), number: z.string() })),
});
export type PublishedRoundView = z.infer<typeof publishedRoundView>;

export const resultVerificationView = z.object({
  roundId: z.uuid(),
  /** Every figure re-derived from the published sheets equals the published one. */
  matches: z.boolean(),
  /** SHA-256 of the stored document's canonical bytes (its ETag). */
  sha256: z.string().nullable(),
  differences: z.array(
    z.object({
      entryCode: z.string().nullable(),
      juror: z.string().nullable(),
      field: z.string(),
      published: z.unknown(),
      recomputed: z.unknown(),
    }),
  ),
});
export type ResultVerificationView = z.infer<typeof resultVerificationView>;
