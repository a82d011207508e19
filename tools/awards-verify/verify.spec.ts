import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishedResult } from '../../services/awards/src/domain/results';
import { statutoryCriteria, type ScoreSheet } from '../../services/awards/src/domain/scoring';
import { readSource, verifyText } from './verify';

const jury = ['u-1', 'u-2', 'u-3'];
const sheet = (jurorId: string, entryCode: string, totalTenths: number): ScoreSheet => ({
  jurorId,
  entryCode,
  scoresTenths: {
    market: 400,
    'economic-technical-social-environmental': totalTenths - 500,
    'cultural-aesthetic': 50,
    other: 50,
  },
});
const publication = publishedResult(
  {
    id: 'R-2027-national',
    level: 'national',
    criteria: statutoryCriteria,
    entries: ['A', 'B'].map((code) => ({
      code,
      group: 'other' as const,
      panel: { entryCode: code, jurorIds: jury, recusedIds: [], substituteIds: [] },
    })),
  },
  [...jury.map((j, i) => sheet(j, 'A', 700 + i)), ...jury.map((j, i) => sheet(j, 'B', 690 + 3 * i))],
  { pseudonymKey: 'a-key-only-the-unit-tests-ever-use-000' },
);

describe('awards-verify', () => {
  it('says every figure matches, and so does the announced SHA-256', () => {
    const verdict = verifyText(publication.canonical, publication.sha256.toUpperCase());
    expect(verdict.exitCode).toBe(0);
    expect(verdict.lines).toContain('Announced SHA-256: matches');
    expect(verdict.lines.at(-1)).toMatch(/^KHỚP \/ MATCHES: 2 entries, 6 sheets/);
  });

  it('names the entry whose published figure was changed', () => {
    const tampered = publication.canonical.replace('"average":"70.10"', '"average":"71.10"');
    expect(tampered).not.toBe(publication.canonical);
    const verdict = verifyText(tampered);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.lines).toContain(
      'MISMATCH entry A · results.average: published "71.10", recomputed "70.10"',
    );
  });

  it('fails a document whose figures match but whose SHA-256 is not the announced one', () => {
    const verdict = verifyText(publication.canonical, '0'.repeat(64));
    expect(verdict.exitCode).toBe(1);
    expect(verdict.lines.at(-1)).toBe('KHÔNG KHỚP / DOES NOT MATCH');
  });

  it('refuses input that is not JSON', () => {
    expect(verifyText('<html>').exitCode).toBe(2);
  });

  it('reads a document from a URL', async () => {
    const server = createServer((_, res) => res.end(publication.canonical));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await readSource(`http://127.0.0.1:${port}/result.json`)).toBe(publication.canonical);
    } finally {
      server.close();
    }
  });

  it('runs as a command on a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'awards-verify-')), 'result.json');
    writeFileSync(file, publication.canonical);
    const run = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'awards-verify.ts'), file, '--sha256', publication.sha256],
      { encoding: 'utf8', cwd: join(__dirname, '../..') },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`SHA-256 of the canonical document: ${publication.sha256}`);
  }, 60_000);
});
