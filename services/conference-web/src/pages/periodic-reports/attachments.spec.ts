import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { attachmentRows, base64Of, piecesToSend, sha256Hex, withDeclared, type Slot } from './attachments';

const signedSlot: Slot = {
  key: 'signedReport',
  label: { vi: 'Báo cáo có chữ ký, đóng dấu', en: 'The signed and stamped report' },
  required: true,
  mediaTypes: ['application/pdf'],
  maxBytes: 20 * 1024 * 1024,
  maxFiles: 1,
};
const annexSlot: Slot = {
  ...signedSlot,
  key: 'annexes',
  label: { vi: 'Phụ lục', en: 'Annexes' },
  maxFiles: 10,
};
const file = (slot: string, sha: string) => ({
  slot,
  fileName: `${sha}.pdf`,
  mediaType: 'application/pdf',
  bytes: 100,
  sha256: sha.repeat(64),
});

describe('a report’s attachments on its page', () => {
  it('links a whole file, shows how much of a partial one arrived, and nothing for a file never held', () => {
    const report = {
      id: 'r1',
      files: [
        {
          sha256: 'a'.repeat(64),
          mediaType: 'application/pdf',
          sizeBytes: 100,
          receivedBytes: 100,
          complete: true,
        },
        {
          sha256: 'b'.repeat(64),
          mediaType: 'application/pdf',
          sizeBytes: 100,
          receivedBytes: 40,
          complete: false,
        },
      ],
    };
    const rows = attachmentRows(
      report,
      [file('signedReport', 'a'), file('annexes', 'b'), file('annexes', 'c')],
      [signedSlot, annexSlot],
      'vi',
    );
    expect(rows.map((r) => [r.slotLabel, r.state, r.receivedBytes, r.href])).toEqual([
      [
        'Báo cáo có chữ ký, đóng dấu',
        'whole',
        100,
        `/api/v1/periodic-reports/r1/attachments/${'a'.repeat(64)}`,
      ],
      ['Phụ lục', 'partial', 40, null],
      ['Phụ lục', 'none', 0, null],
    ]);
  });

  it('replaces the file of a one-file slot and adds to a slot of many, never the same file twice', () => {
    const current = [file('signedReport', 'a'), file('annexes', 'b')];
    expect(withDeclared(current, signedSlot, file('signedReport', 'c')).map((a) => a.sha256[0])).toEqual([
      'b',
      'c',
    ]);
    expect(withDeclared(current, annexSlot, file('annexes', 'd')).map((a) => a.sha256[0])).toEqual([
      'a',
      'b',
      'd',
    ]);
    expect(withDeclared(current, annexSlot, file('annexes', 'b')).map((a) => a.sha256[0])).toEqual([
      'a',
      'b',
    ]);
  });

  it('sends the bytes in pieces of 512 KiB from where the upload stopped', () => {
    expect(piecesToSend(1_200_000, 0)).toEqual([
      { offset: 0, end: 524_288 },
      { offset: 524_288, end: 1_048_576 },
      { offset: 1_048_576, end: 1_200_000 },
    ]);
    expect(piecesToSend(1_200_000, 524_288)).toHaveLength(2);
    expect(piecesToSend(100, 100)).toEqual([]);
  });

  it('encodes and hashes the bytes as the service decodes and checks them', async () => {
    const bytes = new Uint8Array(700_000).map((_, i) => (i * 7) % 256);
    expect(base64Of(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
