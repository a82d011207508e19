import { Workbook } from 'exceljs';
import { contentMediaType, DOCX, sniffMediaType, startsAs, XLSX, ZIP } from './media-types';
import { zipEntryNames } from './zip-entries';

/** A ZIP of empty stored entries, written by hand: local headers, the central directory, the end record. */
function zipOf(names: string[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(n.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, n);
    central.push(header, n);
    offset += local.length + n.length;
  }
  const directory = Buffer.concat(central);
  const c = Buffer.from(comment);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(c.length, 20);
  return Buffer.concat([...locals, directory, end, c]);
}

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);

describe('file types read from the content', () => {
  it('recognises PDF, JPEG, PNG and a ZIP by their first bytes, and nothing else', () => {
    const zip = zipOf(['a.txt']);
    expect([pdf, jpeg, png, zip].map(sniffMediaType)).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/png',
      ZIP,
    ]);
    expect(sniffMediaType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffMediaType(Buffer.from('%PD'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });

  it('takes any ZIP as the start of a workbook or a document: the whole file says which', () => {
    expect(startsAs(XLSX, zipOf(['word/document.xml']))).toBe(true);
    expect(startsAs(XLSX, pdf)).toBe(false);
    expect(startsAs('text/plain', Buffer.from('hello'))).toBe(false);
  });

  it('tells a workbook from a document and from a plain ZIP by the part it holds', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Phụ lục').getCell('A1').value = 'Số liệu';
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(contentMediaType(xlsx)).toBe(XLSX);
    expect(contentMediaType(zipOf(['[Content_Types].xml', 'word/document.xml'], 'a comment'))).toBe(DOCX);
    expect(contentMediaType(zipOf(['notes.txt']))).toBe(ZIP);
    expect(contentMediaType(pdf)).toBe('application/pdf');
  });

  it('reads no names from a ZIP cut short or with a broken directory', () => {
    const zip = zipOf(['xl/workbook.xml', 'xl/styles.xml']);
    expect(zipEntryNames(zip)).toEqual(['xl/workbook.xml', 'xl/styles.xml']);
    expect(zipEntryNames(zip.subarray(0, zip.length - 4))).toBeNull();
    const broken = Buffer.from(zip);
    broken.writeUInt32LE(0, broken.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(zipEntryNames(broken)).toBeNull();
    expect(contentMediaType(broken)).toBeNull();
  });
});
