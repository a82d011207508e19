import {
  addAwardCertificates,
  addAwardCounts,
  awardCertificatesView,
  awardCountsOf,
  zeroAwardCertificates,
  zeroAwardCounts,
} from './award-figures';

describe('award figures', () => {
  it('counts each group of certificates once by level and once by product group', () => {
    const counts = zeroAwardCounts();
    addAwardCounts(counts, awardCountsOf('regional', 'handicraft', 3));
    addAwardCounts(counts, awardCountsOf('regional', 'agro-food', 2));
    addAwardCounts(counts, awardCountsOf('national', 'handicraft', 1));
    expect(counts.byLevel).toEqual({ commune: 0, provincial: 0, regional: 5, national: 1 });
    expect([...counts.byGroup]).toEqual([
      ['handicraft', 4],
      ['agro-food', 2],
    ]);
  });

  it('adds a whole row into another, as the totals are made', () => {
    const row = addAwardCertificates(zeroAwardCertificates(), {
      issued: awardCountsOf('provincial', 'machinery', 4),
      validAtYearEnd: 9,
    });
    const totals = addAwardCertificates(
      addAwardCertificates(zeroAwardCertificates(), { issued: awardCountsOf('provincial', 'other', 1) }),
      row,
    );
    expect(awardCertificatesView(totals)).toEqual({
      issued: {
        byLevel: { commune: 0, provincial: 5, regional: 0, national: 0 },
        byGroup: { machinery: 4, other: 1 },
      },
      validAtYearEnd: 9,
    });
  });

  it('shows the groups by name, and any name the events give is a group like the others', () => {
    const figures = zeroAwardCertificates();
    for (const group of ['other', '__proto__', 'agro-food', 'constructor']) {
      addAwardCertificates(figures, { issued: awardCountsOf('commune', group, 1) });
    }
    const view = awardCertificatesView(figures);
    expect(Object.entries(view.issued.byGroup)).toEqual([
      ['__proto__', 1],
      ['agro-food', 1],
      ['constructor', 1],
      ['other', 1],
    ]);
    expect(JSON.parse(JSON.stringify(view)).issued.byGroup.__proto__).toBe(1);
  });

  it('refuses a count that a number cannot hold exactly', () => {
    const figures = addAwardCertificates(zeroAwardCertificates(), {
      issued: awardCountsOf('national', 'other', Number.MAX_SAFE_INTEGER),
      validAtYearEnd: Number.MAX_SAFE_INTEGER,
    });
    expect(() => addAwardCertificates(figures, { issued: awardCountsOf('national', 'x', 1) })).toThrow(
      RangeError,
    );
    expect(() => addAwardCertificates(figures, { validAtYearEnd: 1 })).toThrow(RangeError);
  });
});
