import { apiResponse } from '../../api/http';

/**
 * The published result document (GET /api/v1/award-rounds/:id/result). The route answers a file (its exact bytes,
 * ETag = their SHA-256), so the contracts give it no schema: this mirrors `PublishedResult` of
 * services/awards/src/domain/results.ts, format version 1, as far as the page reads it.
 */
export interface PublishedResultDocument {
  format: 'kc-awards-result';
  formatVersion: 1;
  round: { id: string; level: string };
  criteria: {
    criteria: {
      id: string;
      label: { vi: string; en: string };
      maxTenths: number;
      subCriteria: { id: string; label: { vi: string; en: string }; maxTenths: number }[];
    }[];
  };
  algorithm: {
    name: string;
    version: string;
    description: { vi: string; en: string };
    normalisation: 'none' | 'juror-z-score';
  };
  entries: { code: string; group: string; panel: string[] }[];
  /** Every sheet under a pseudonym (GK-01…), in tenths of a point. */
  sheets: {
    juror: string;
    entryCode: string;
    scoresTenths: Record<string, number | Record<string, number>>;
    totalTenths: number;
  }[];
  results: {
    /** By group, then rank, then entry code. */
    entries: {
      code: string;
      group: string;
      sheetCount: number;
      sumTenths: number;
      /** Two decimals, rounded half-up, for display. */
      average: string;
      passed: boolean;
      rank: number;
      normalisedAverage: string | null;
    }[];
    groups: { group: string; entries: number; passed: number; failed: number }[];
    totals: { entries: number; passed: number; failed: number; sheets: number };
  };
}

export interface LoadedResult {
  document: PublishedResultDocument;
  /** SHA-256 of the bytes as received, computed in the browser; null where it cannot (no secure context). */
  digest: string | null;
  /** The ETag the service gave: the SHA-256 it stored, quoted. */
  etag: string | null;
}

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The result's bytes, parsed, and their SHA-256 computed here: the reader need not trust the page's figures. */
export async function loadResult(roundId: string): Promise<LoadedResult> {
  const response = await apiResponse(`/api/v1/award-rounds/${roundId}/result`);
  const bytes = await response.arrayBuffer();
  const document = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as PublishedResultDocument;
  // crypto.subtle exists only in secure contexts (HTTPS, localhost).
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle ? hex(await subtle.digest('SHA-256', bytes)) : null;
  const etag = response.headers.get('etag');
  return { document, digest, etag: etag ? etag.replace(/^W\//, '').replace(/"/g, '') : null };
}

/** A criterion's points on one sheet: the whole score, or the sum of its sub-criteria. */
export function criterionTenths(score: number | Record<string, number> | undefined): number {
  if (score === undefined) return 0;
  return typeof score === 'number' ? score : Object.values(score).reduce((sum, n) => sum + n, 0);
}
