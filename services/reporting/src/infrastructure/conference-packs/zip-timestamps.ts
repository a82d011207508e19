import { vietnamClockOf } from '../../domain/conference-packs/pack-text';

const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

/**
 * Dates every entry of a zip archive at `moment` (Vietnam's clock, the zip format's local time). JSZip, which
 * writes exceljs's workbooks, stamps each entry with the clock at writing, so the same workbook would give
 * other bytes a second later. Reads the archive as JSZip writes it: no zip64, no archive comment.
 */
export function stampZipEntries(zip: Buffer, moment: Date): Buffer {
  const t = vietnamClockOf(moment);
  const dosTime = (Number(t.hour) << 11) | (Number(t.minute) << 5);
  const dosDate = ((Number(t.year) - 1980) << 9) | (Number(t.month) << 5) | Number(t.day);
  const out = Buffer.from(zip);
  const end = out.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
  if (end < 0) throw new Error('not a zip archive: no end of central directory record');
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== CENTRAL_ENTRY)
      throw new Error(`zip central directory entry ${i} is malformed`);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_ENTRY)
      throw new Error(`zip local header of entry ${i} is malformed`);
    for (const [time, date] of [
      [at + 12, at + 14],
      [local + 10, local + 12],
    ]) {
      out.writeUInt16LE(dosTime, time);
      out.writeUInt16LE(dosDate, date);
    }
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
