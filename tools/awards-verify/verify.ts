import { readFile } from 'node:fs/promises';
import { recompute, type Difference, type PublishedResult } from '../../services/awards/src/domain/results';

export interface Verdict {
  /** 0: every figure matches (and the announced SHA-256, when given); 1: something differs; 2: unreadable input. */
  exitCode: 0 | 1 | 2;
  lines: string[];
}

/** A published result from a file path or an http(s) URL, as text: its bytes are what the SHA-256 is about. */
export async function readSource(source: string): Promise<string> {
  if (!/^https?:\/\//i.test(source)) return readFile(source, 'utf8');
  const response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}`);
  return response.text();
}

const show = (value: unknown): string => (value === null ? '—' : JSON.stringify(value));

function describe(d: Difference): string {
  const where = [d.entryCode && `entry ${d.entryCode}`, d.juror && `juror ${d.juror}`]
    .filter(Boolean)
    .join(', ');
  return `MISMATCH ${where || 'round'} · ${d.field}: published ${show(d.published)}, recomputed ${show(d.recomputed)}`;
}

/** Recomputes a published result's figures from its own sheets and says, line by line, what matches. */
export function verifyText(text: string, announcedSha256?: string): Verdict {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { exitCode: 2, lines: [`Không đọc được JSON / Not JSON: ${(error as Error).message}`] };
  }
  const report = recompute(document);
  const lines: string[] = [];
  const doc = document as Partial<PublishedResult>;
  if (doc.round && doc.algorithm) {
    lines.push(
      `Round ${doc.round.id} (${doc.round.level}); algorithm ${doc.algorithm.name} ${doc.algorithm.version}, normalisation ${doc.algorithm.normalisation}`,
    );
  }
  if (report.sha256) lines.push(`SHA-256 of the canonical document: ${report.sha256}`);
  lines.push(...report.differences.map(describe));
  let shaMatches = true;
  if (announcedSha256 !== undefined) {
    shaMatches = report.sha256 === announcedSha256.trim().toLowerCase();
    lines.push(
      shaMatches
        ? 'Announced SHA-256: matches'
        : `Announced SHA-256: DIFFERS (announced ${announcedSha256}, document ${report.sha256 ?? '—'})`,
    );
  }
  if (report.matches && shaMatches) {
    const entries = doc.results?.entries.length ?? 0;
    const sheets = doc.sheets?.length ?? 0;
    lines.push(
      `KHỚP / MATCHES: ${entries} entries, ${sheets} sheets — every total, average, pass and rank recomputes to the published figure`,
    );
    return { exitCode: 0, lines };
  }
  lines.push('KHÔNG KHỚP / DOES NOT MATCH');
  return { exitCode: 1, lines };
}
