import { showHectares } from './hectares';

describe('hectares', () => {
  it('shows an area in each language with its own separators, dropping trailing zeros', () => {
    expect(showHectares(2_899_750)).toEqual({ vi: '28.997,5 ha', en: '28,997.5 ha' });
    expect(showHectares(7500)).toEqual({ vi: '75 ha', en: '75 ha' });
    expect(showHectares(1)).toEqual({ vi: '0,01 ha', en: '0.01 ha' });
    expect(showHectares(0)).toEqual({ vi: '0 ha', en: '0 ha' });
  });
});
