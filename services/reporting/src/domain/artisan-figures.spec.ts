import { addArtisanTitles, artisanTitlesView, zeroArtisanTitles } from './artisan-figures';

describe('artisan title figures', () => {
  it('counts each title on its own, a whole row added into the totals', () => {
    const row = addArtisanTitles(zeroArtisanTitles(), { meritorious: 3 });
    const totals = addArtisanTitles(addArtisanTitles(zeroArtisanTitles(), { people: 1 }), row);
    expect(artisanTitlesView(totals)).toEqual({ meritorious: 3, people: 1 });
    expect(artisanTitlesView(zeroArtisanTitles())).toEqual({ meritorious: 0, people: 0 });
  });

  it('refuses a count that a number cannot hold exactly', () => {
    const counts = addArtisanTitles(zeroArtisanTitles(), { people: Number.MAX_SAFE_INTEGER });
    expect(() => addArtisanTitles(counts, { people: 1 })).toThrow(RangeError);
  });
});
