import { etagOf, floorPlanSvg, notModified, type PlanBooth } from './floor-plan-svg';

const booth = (code: string, state: PlanBooth['state'], facilityName: string | null = null): PlanBooth => ({
  code,
  hall: 'Nhà A',
  zone: null,
  kind: 'standard',
  x: code === 'A-1' ? 0 : 3,
  y: 0,
  w: 3,
  h: 3,
  state,
  facilityName,
});

describe('floor plan SVG', () => {
  it('draws each booth at its coordinates, 20 px to the metre, coloured by state, with a Vietnamese legend', () => {
    const svg = floorPlanSvg('Hội chợ <Bắc> 2026', [
      booth('A-1', 'free'),
      booth('A-2', 'checked-in', 'HTX "Mây tre" & Co'),
    ]);
    expect(svg).toContain('Sơ đồ gian hàng – Hội chợ &lt;Bắc&gt; 2026');
    expect(svg).toContain('<rect x="20" y="112" width="60" height="60" fill="#dcf3dc"');
    expect(svg).toContain('<rect x="80" y="112" width="60" height="60" fill="#dacdf2"');
    expect(svg).toContain('<title>A-2 · Đã có mặt · HTX &quot;Mây tre&quot; &amp; Co</title>');
    for (const label of ['Còn trống (1)', 'Đang giữ chỗ (0)', 'Đã phân bổ (0)', 'Đã có mặt (1)']) {
      expect(svg).toContain(label);
    }
  });

  it('is the same text for the same booths, so its hash can be the ETag', () => {
    const booths = [booth('A-1', 'held')];
    expect(etagOf(floorPlanSvg('F', booths))).toBe(etagOf(floorPlanSvg('F', booths)));
    expect(etagOf(floorPlanSvg('F', booths))).not.toBe(
      etagOf(floorPlanSvg('F', [booth('A-1', 'allocated')])),
    );
  });

  it('matches If-None-Match lists, weak tags and the wildcard', () => {
    expect(notModified('"a", "b"', '"b"')).toBe(true);
    expect(notModified('W/"b"', '"b"')).toBe(true);
    expect(notModified('*', '"b"')).toBe(true);
    expect(notModified('"a"', '"b"')).toBe(false);
    expect(notModified(undefined, '"b"')).toBe(false);
  });
});
