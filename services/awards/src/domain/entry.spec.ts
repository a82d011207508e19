import { ConflictError, ForbiddenError, RuleViolationError } from '@kc/errors';
import { referenceProvinces } from '@kc/reference-data';
import { issueCertificate, withdrawCertificate, type Certificate } from './certificate';
import {
  admitEntry,
  dossierProblems,
  isTaxCode,
  type DossierFile,
  type Entrant,
  type EntryContext,
  type EntrySubmission,
} from './entry';

const hash = (char: string) => char.repeat(64);
const dossier: DossierFile[] = [
  {
    kind: 'registration-form',
    fileName: 'phieu.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 200_000,
    sha256: hash('a'),
  },
  {
    kind: 'description',
    fileName: 'thuyet-minh.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 900_000,
    sha256: hash('b'),
  },
  { kind: 'photo', fileName: 'anh-1.jpg', mediaType: 'image/jpeg', sizeBytes: 2_000_000, sha256: hash('c') },
  { kind: 'photo', fileName: 'anh-2.png', mediaType: 'image/png', sizeBytes: 1_000_000, sha256: hash('d') },
];

const facility = {
  name: 'Cơ sở mây tre đan Hưng Nguyên',
  taxCode: '2901234567',
  provinceCode: '40',
  localUnitCode: null,
};

// A provincial certificate of 2024 from Nghệ An (region north), valid to 2026-12-31.
const provincialCertificate: Certificate = issueCertificate({
  scope: { level: 'provincial', provinceCode: '40' },
  roundYear: 2024,
  sequence: 5,
  productName: 'Lẵng hoa mây tre',
  holder: { facilityName: facility.name, taxCode: facility.taxCode, provinceCode: '40' },
  issuedOn: '2024-11-20',
});

const submission: EntrySubmission = {
  facility,
  productGroup: 'handicraft',
  product: { kind: 'product', name: 'Lẵng hoa mây tre' },
  lowerCertificate: provincialCertificate,
  dossier,
};

const regionalNorth2026: EntryContext = {
  round: {
    scope: { level: 'regional', regionCode: 'north' },
    year: 2026,
    entriesOpenOn: '2026-03-01',
    entriesCloseOn: '2026-04-30',
    quotaPerProvinceAndGroup: null,
  },
  on: '2026-03-15',
  provinces: referenceProvinces,
  shortlist: ['T-40-2024-0005'],
  existingEntries: [],
};

const officer40: Entrant = { role: 'province-officer', provinceCode: '40' };
const agency: Entrant = { role: 'central-officer' };

const refusal = (
  entrant: Entrant,
  change: Partial<EntrySubmission> = {},
  context: Partial<EntryContext> = {},
): string | undefined => {
  try {
    admitEntry(entrant, { ...submission, ...change }, { ...regionalNorth2026, ...context });
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    if (error instanceof ConflictError) return `conflict ${error.code} @ ${error.field}`;
    if (error instanceof ForbiddenError) return `forbidden ${error.code} @ ${error.field}`;
    throw error;
  }
  return undefined;
};
const withRound = (round: Partial<EntryContext['round']>): Partial<EntryContext> => ({
  round: { ...regionalNorth2026.round, ...round },
});

describe('tax code', () => {
  it('takes 10 digits or a 10-3 branch code', () => {
    expect(isTaxCode('0101234567')).toBe(true);
    expect(isTaxCode('0101234567-001')).toBe(true);
    for (const bad of ['010123456', '01012345678', '0101234567-01', '0101234567001', 'O101234567']) {
      expect(isTaxCode(bad)).toBe(false);
    }
  });
});

describe('admitting an entry', () => {
  it('admits a shortlisted product with a valid certificate from the level below', () => {
    const entry = admitEntry(officer40, submission, regionalNorth2026);
    expect(entry).toMatchObject({ submittedOn: '2026-03-15', productGroup: 'handicraft' });
    expect(entry.lowerCertificate?.number).toBe('T-40-2024-0005');
  });

  it('normalises the names it keeps', () => {
    const entry = admitEntry(
      agency,
      {
        ...submission,
        facility: { ...facility, name: ` ${facility.name.normalize('NFD')} ` },
        product: { kind: 'product', name: 'Lẵng hoa mây tre'.normalize('NFD') },
      },
      regionalNorth2026,
    );
    expect(entry.facility.name).toBe('Cơ sở mây tre đan Hưng Nguyên');
    expect(entry.product.name).toBe('Lẵng hoa mây tre');
  });

  describe('who may enter', () => {
    it('lets the facility enter its own product, its province and the agency', () => {
      expect(refusal({ role: 'business', facilityTaxCode: '2901234567' })).toBeUndefined();
      expect(refusal(officer40)).toBeUndefined();
      expect(refusal({ role: 'central-admin' })).toBeUndefined();
      expect(refusal(agency)).toBeUndefined();
    });

    it("refuses another facility, another province's officer and other roles", () => {
      const notEntrant = 'forbidden award-entry.not-entrant @ facility.taxCode';
      expect(refusal({ role: 'business', facilityTaxCode: '2909999999' })).toBe(notEntrant);
      expect(refusal({ role: 'business' })).toBe(notEntrant);
      expect(refusal({ role: 'province-officer', provinceCode: '38' })).toBe(notEntrant);
      expect(refusal({ role: 'province-officer' })).toBe(notEntrant);
      expect(refusal({ role: 'juror' })).toBe(notEntrant);
      expect(refusal({ role: 'viewer' })).toBe(notEntrant);
    });
  });

  describe('entry window', () => {
    it('is open from the opening day through the closing day', () => {
      expect(refusal(agency, {}, { on: '2026-03-01' })).toBeUndefined();
      expect(refusal(agency, {}, { on: '2026-04-30' })).toBeUndefined();
    });

    it('refuses before the opening day', () => {
      expect(refusal(agency, {}, { on: '2026-02-28' })).toBe('award-entry.not-open @ entriesOpenOn');
    });

    it('refuses after the closing day', () => {
      expect(refusal(agency, {}, { on: '2026-05-01' })).toBe('award-entry.closed @ entriesCloseOn');
    });
  });

  describe('facility', () => {
    it('refuses a malformed tax code', () => {
      expect(refusal(agency, { facility: { ...facility, taxCode: '29012345' } })).toBe(
        'award-entry.tax-code-format @ facility.taxCode',
      );
    });

    it('refuses a province code not in force on the day (Nam Định merged into Ninh Bình in 2025)', () => {
      expect(refusal(agency, { facility: { ...facility, provinceCode: '36' } })).toBe(
        'award-entry.unknown-province @ facility.provinceCode',
      );
    });

    it("refuses a facility outside a regional round's region", () => {
      expect(refusal(agency, { facility: { ...facility, provinceCode: '79' } })).toBe(
        'award-entry.outside-round-area @ facility.provinceCode',
      );
    });

    it('refuses a facility of another province in a provincial round, and of another commune at the entry level', () => {
      const provincial = withRound({ scope: { level: 'provincial', provinceCode: '38' } });
      expect(refusal(agency, {}, provincial)).toBe('award-entry.outside-round-area @ facility.provinceCode');
      const commune = withRound({ scope: { level: 'commune', provinceCode: '40', localUnitCode: '17332' } });
      expect(
        refusal(
          agency,
          { facility: { ...facility, localUnitCode: '17335' }, lowerCertificate: null },
          commune,
        ),
      ).toBe('award-entry.outside-round-area @ facility.localUnitCode');
    });
  });

  it('refuses a product set of fewer than two products', () => {
    expect(refusal(agency, { product: { kind: 'product-set', name: 'Bộ bàn ghế', items: ['Bàn'] } })).toBe(
      'award-entry.set-too-small @ product.items',
    );
    expect(
      refusal(agency, { product: { kind: 'product-set', name: 'Bộ bàn ghế', items: ['Bàn', 'Ghế'] } }),
    ).toBeUndefined();
  });

  it('refuses an incomplete dossier', () => {
    expect(refusal(agency, { dossier: dossier.filter((file) => file.kind !== 'photo') })).toBe(
      'dossier.missing @ dossier',
    );
  });

  describe('at the entry level', () => {
    const commune = withRound({ scope: { level: 'commune', provinceCode: '40', localUnitCode: '17332' } });
    const inCommune = { ...facility, localUnitCode: '17332' };

    it('needs no certificate and no shortlist', () => {
      expect(
        refusal(agency, { facility: inCommune, lowerCertificate: null }, { ...commune, shortlist: [] }),
      ).toBe(undefined);
    });
  });

  describe('above the entry level', () => {
    it('needs a certificate', () => {
      expect(refusal(agency, { lowerCertificate: null })).toBe(
        'award-entry.lower-certificate-required @ lowerCertificateNumber',
      );
    });

    it('needs the certificate of the level directly below', () => {
      const communeCertificate = issueCertificate({
        scope: { level: 'commune', provinceCode: '40', localUnitCode: '17332' },
        roundYear: 2025,
        sequence: 1,
        productName: 'Lẵng hoa mây tre',
        holder: provincialCertificate.holder,
        issuedOn: '2025-09-01',
      });
      expect(
        refusal(agency, { lowerCertificate: communeCertificate }, { shortlist: [communeCertificate.number] }),
      ).toBe('award-entry.lower-certificate-wrong-level @ lowerCertificateNumber');
    });

    it("refuses another facility's certificate", () => {
      const other = {
        ...provincialCertificate,
        holder: { ...provincialCertificate.holder, taxCode: '2909999999' },
      };
      expect(refusal(agency, { lowerCertificate: other })).toBe(
        'award-entry.lower-certificate-other-holder @ lowerCertificateNumber',
      );
    });

    it('needs the certificate valid on the day entries close, not just today', () => {
      // Issued 2023-06-01: valid to 2025-12-31, expired before a 2026 round closes.
      const expired = issueCertificate({
        scope: { level: 'provincial', provinceCode: '40' },
        roundYear: 2023,
        sequence: 9,
        productName: 'Lẵng hoa mây tre',
        holder: provincialCertificate.holder,
        issuedOn: '2023-06-01',
      });
      const context = { shortlist: [expired.number] };
      expect(refusal(agency, { lowerCertificate: expired }, context)).toBe(
        'award-entry.lower-certificate-not-valid @ lowerCertificateNumber',
      );
      // The same certificate was fine for a round that closed in 2025.
      expect(
        refusal(
          agency,
          { lowerCertificate: expired },
          {
            ...context,
            on: '2024-03-15',
            round: {
              ...regionalNorth2026.round,
              year: 2024,
              entriesOpenOn: '2024-03-01',
              entriesCloseOn: '2024-04-30',
            },
          },
        ),
      ).toBeUndefined();
    });

    it('refuses a certificate withdrawn by the closing day', () => {
      const withdrawn = withdrawCertificate(provincialCertificate, {
        on: '2026-04-30',
        reason: 'Cơ sở vi phạm quy định về chất lượng',
      });
      expect(refusal(agency, { lowerCertificate: withdrawn })).toBe(
        'award-entry.lower-certificate-not-valid @ lowerCertificateNumber',
      );
    });

    it("needs the product on the lower authority's shortlist", () => {
      expect(refusal(agency, {}, { shortlist: ['T-40-2024-0006'] })).toBe(
        'award-entry.not-shortlisted @ lowerCertificateNumber',
      );
    });

    it('takes each certificate once per round', () => {
      const existingEntries = [
        { provinceCode: '40', productGroup: 'handicraft' as const, lowerCertificateNumber: 'T-40-2024-0005' },
      ];
      expect(refusal(agency, {}, { existingEntries })).toBe(
        'conflict award-entry.certificate-already-entered @ lowerCertificateNumber',
      );
    });
  });

  describe('quota per province and product group', () => {
    const others = (provinceCode: string, productGroup: 'handicraft' | 'agro-food', count: number) =>
      Array.from({ length: count }, (_, index) => ({
        provinceCode,
        productGroup,
        lowerCertificateNumber: `T-${provinceCode}-2024-${String(100 + index).padStart(4, '0')}`,
      }));

    it("refuses an entry once the province's group is full", () => {
      expect(
        refusal(
          agency,
          {},
          { ...withRound({ quotaPerProvinceAndGroup: 3 }), existingEntries: others('40', 'handicraft', 3) },
        ),
      ).toBe('award-entry.quota-reached @ productGroup');
    });

    it('counts only the same province and group', () => {
      const existingEntries = [
        ...others('40', 'handicraft', 2),
        ...others('40', 'agro-food', 5),
        ...others('38', 'handicraft', 5),
      ];
      expect(
        refusal(agency, {}, { ...withRound({ quotaPerProvinceAndGroup: 3 }), existingEntries }),
      ).toBeUndefined();
    });

    it('has no limit when the round sets none', () => {
      expect(refusal(agency, {}, { existingEntries: others('40', 'handicraft', 50) })).toBeUndefined();
    });
  });
});

describe('dossier', () => {
  const codes = (files: DossierFile[]) =>
    dossierProblems(files).map((problem) => `${problem.code} @ ${problem.field}`);

  it('accepts a complete dossier', () => {
    expect(dossierProblems(dossier)).toEqual([]);
  });

  it('refuses a type the kind does not take', () => {
    expect(codes([...dossier.slice(0, 2), { ...dossier[2], mediaType: 'image/gif' }, dossier[3]])).toEqual([
      'dossier.media-type @ dossier[2].mediaType',
    ]);
    expect(codes([dossier[0], { ...dossier[1], mediaType: 'image/jpeg' }, ...dossier.slice(2)])).toEqual([
      'dossier.media-type @ dossier[1].mediaType',
    ]);
  });

  it('refuses a file over its limit, and an empty file', () => {
    const photoLimit = 5 * 1024 * 1024;
    expect(codes([...dossier.slice(0, 3), { ...dossier[3], sizeBytes: photoLimit }])).toEqual([]);
    expect(codes([...dossier.slice(0, 3), { ...dossier[3], sizeBytes: photoLimit + 1 }])).toEqual([
      'dossier.file-too-large @ dossier[3].sizeBytes',
    ]);
    expect(codes([...dossier.slice(0, 3), { ...dossier[3], sizeBytes: 0 }])).toEqual([
      'dossier.empty-file @ dossier[3].sizeBytes',
    ]);
  });

  it('needs a SHA-256 in lower-case hex', () => {
    for (const sha256 of ['', hash('A'), hash('g'), 'a'.repeat(63)]) {
      expect(codes([{ ...dossier[0], sha256 }, ...dossier.slice(1)])).toEqual([
        'dossier.checksum @ dossier[0].sha256',
      ]);
    }
  });

  it('refuses the same content twice', () => {
    expect(codes([...dossier, { ...dossier[2], fileName: 'anh-3.jpg' }])).toEqual([
      'dossier.duplicate-file @ dossier[4].sha256',
    ]);
  });

  it('needs one registration form, one description and at least one photo', () => {
    expect(codes(dossier.slice(1))).toEqual(['dossier.missing @ dossier']);
    expect(codes([dossier[0], ...dossier.slice(2)])).toEqual(['dossier.missing @ dossier']);
    expect(codes([])).toEqual([
      'dossier.missing @ dossier',
      'dossier.missing @ dossier',
      'dossier.missing @ dossier',
    ]);
  });

  it('takes at most ten photos and one registration form', () => {
    const photos = Array.from({ length: 11 }, (_, index) => ({
      ...dossier[2],
      fileName: `anh-${index}.jpg`,
      sha256: index.toString(16).padStart(64, 'e'),
    }));
    expect(codes([...dossier.slice(0, 2), ...photos])).toEqual(['dossier.too-many @ dossier']);
    expect(codes([...dossier.slice(0, 2), ...photos.slice(1)])).toEqual([]);
    expect(codes([{ ...dossier[0], sha256: hash('f') }, ...dossier])).toEqual(['dossier.too-many @ dossier']);
  });

  it('takes PDF, JPEG and PNG only: a WebP photo is refused', () => {
    expect(codes([...dossier.slice(0, 3), { ...dossier[3], mediaType: 'image/webp' }])).toEqual([
      'dossier.media-type @ dossier[3].mediaType',
    ]);
  });

  it('holds the whole dossier to 50 MB, each file within its own limit', () => {
    const photos = Array.from({ length: 10 }, (_, index) => ({
      ...dossier[2],
      fileName: `anh-${index}.jpg`,
      sizeBytes: 5 * 1024 * 1024,
      sha256: index.toString(16).padStart(64, 'e'),
    }));
    // 10 photos at their limit (50 MB) plus the form and the description: over by the form and description.
    expect(codes([...dossier.slice(0, 2), ...photos])).toEqual(['dossier.entry-too-large @ dossier']);
    const smaller = photos.map((p) => ({ ...p, sizeBytes: 4 * 1024 * 1024 }));
    expect(codes([...dossier.slice(0, 2), ...smaller])).toEqual([]);
  });

  it('takes certificate copies but does not require them', () => {
    const copy: DossierFile = {
      kind: 'certificate-copy',
      fileName: 'gcn-tinh.png',
      mediaType: 'image/png',
      sizeBytes: 500_000,
      sha256: hash('9'),
    };
    expect(codes([...dossier, copy])).toEqual([]);
  });
});
