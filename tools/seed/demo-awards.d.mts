// Types of demo-awards.mjs (plain JavaScript, run by Node) for the TypeScript that reads it: tests.
import type { DemoUnit } from './demo-dataset.mjs';

export type DemoProductGroup = 'handicraft' | 'agro-food' | 'machinery' | 'other';

/** A lower certificate an entry rests on: the body of one certificate of POST /api/v1/award-certificates/records. */
export interface DemoCertificate {
  number: string;
  productGroup: DemoProductGroup;
  productName: string;
  holder: { facilityName: string; taxCode: string; provinceCode: string };
  issuedOn: string;
}

/**
 * The points a juror gives per criterion, or per sub-criterion where the round splits one (the body of
 * PUT …/entries/:entryId/sheet is `{ scores }`).
 */
export type DemoScores = Record<string, number | Record<string, number>>;

/** A criterion as POST /api/v1/award-rounds takes it (maxima in tenths of a point). */
export interface DemoCriterion {
  id: 'market' | 'economic-technical-social-environmental' | 'cultural-aesthetic' | 'other';
  label: { vi: string; en: string };
  maxTenths: number;
  subCriteria: { id: string; label: { vi: string; en: string }; maxTenths: number }[];
}

export interface DemoRound {
  key: string;
  /** Where the loader leaves the round. */
  target: 'scoring' | 'published';
  /** Who runs it: the agency, or the department of that unit (sct.<code>). */
  authority: 'central' | string;
  /** The body of POST /api/v1/award-rounds. */
  open: {
    name: string;
    year: number;
    level: 'provincial' | 'regional' | 'national';
    provinceCode?: string;
    regionCode?: 'north' | 'central' | 'south';
    schedule: { entriesOpenOn: string; entriesCloseOn: string; scoringClosesOn: string };
    /** The statutory criteria when absent. */
    criteria?: DemoCriterion[];
    /** A past round run again by the agency from its records. */
    historic?: true;
  };
  /** Historic rounds: the day the result was announced (POST …/publish's `announcedOn`). */
  announcedOn?: string;
  council: {
    members: { username: string; displayName: string }[];
    jurors: string[];
    secretary: { username: string; displayName: string };
  };
  /** The lower certificates the entries cite, each recorded by its issuer ('central' or a unit's department). */
  certificates: { issuer: 'central' | string; certificate: DemoCertificate }[];
  /** Each unit's shortlist: put by its department, or by the agency in a historic round. */
  shortlists: { provinceCode: string; certificateNumbers: string[] }[];
  /** Entered by the round's authority; `body` is POST …/entries's. */
  entries: {
    body: {
      facility: { name: string; taxCode: string; provinceCode: string; localUnitCode?: string };
      productGroup: DemoProductGroup;
      product: { kind: 'product'; name: string };
      lowerCertificateNumber: string;
      dossier: { kind: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string }[];
      /** Historic rounds: the day the dossier was received. */
      submittedOn?: string;
    };
  }[];
  /** The sheets the loader gives, each by its juror, for the entry citing `entry`. */
  sheets: { juror: string; entry: string; scores: DemoScores }[];
  /** Published rounds: the passes the scores were designed to give; null otherwise. */
  expectedPasses: number | null;
}

export interface DemoAwards {
  /** The past rounds the seed figures come from, run again (historic): 2018 regional North, Central, South; 2023 national. */
  historic: DemoRound[];
  /** This year's rounds. */
  rounds: DemoRound[];
}

export const LEFT_FOR_GIAMKHAO_1: number;
export function taxCheckDigit(nineDigits: string): string | null;
export function isValidTaxCode(code: string): boolean;
export function buildAwardsDataset(input: {
  provinces2018: DemoUnit[];
  provincesNow: DemoUnit[];
  currentYear: number;
  today: string;
}): DemoAwards;
