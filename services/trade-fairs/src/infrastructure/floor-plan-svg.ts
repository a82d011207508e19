import { createHash } from 'node:crypto';
import { boothStateLabels, type BoothKind, type BoothState } from '@kc/contracts';

export const SVG_CONTENT_TYPE = 'image/svg+xml; charset=utf-8';

export interface PlanBooth {
  code: string;
  hall: string;
  zone: string | null;
  kind: BoothKind;
  x: number;
  y: number;
  w: number;
  h: number;
  state: BoothState;
  /** Only when the caller may see who has the booth. */
  facilityName: string | null;
}

/** Legend order and wording: Vietnamese, as the plan is shown in the hall and to facilities. */
const STATES: Record<BoothState, { label: string; fill: string; stroke: string }> = {
  free: { label: boothStateLabels.free, fill: '#dcf3dc', stroke: '#2e7d32' },
  held: { label: boothStateLabels.held, fill: '#ffe9a8', stroke: '#a86b00' },
  allocated: { label: boothStateLabels.allocated, fill: '#c4dcf7', stroke: '#1f5fa8' },
  'checked-in': { label: boothStateLabels['checked-in'], fill: '#dacdf2', stroke: '#5b3e9c' },
};

const PX_PER_M = 20;
const MARGIN = 20;
const LEGEND_H = 70;

const escapeXml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
const px = (metres: number) => Math.round(metres * PX_PER_M * 10) / 10;

/**
 * The fair's floor plan: each hall drawn at its booths' layout coordinates (metres from the hall's top-left
 * corner), halls one below the other, each booth coloured by its state, with a legend. Deterministic for
 * the same booths, so its hash serves as the ETag.
 */
export function floorPlanSvg(fairName: string, booths: PlanBooth[]): string {
  const halls = [...new Set(booths.map((b) => b.hall))].sort((a, b) => a.localeCompare(b, 'vi'));
  const counts = Object.fromEntries(
    (Object.keys(STATES) as BoothState[]).map((s) => [s, booths.filter((b) => b.state === s).length]),
  );
  const parts: string[] = [];
  let top = MARGIN + LEGEND_H;
  let width = 620;
  for (const hall of halls) {
    const own = booths.filter((b) => b.hall === hall);
    const hallW = px(Math.max(...own.map((b) => b.x + b.w)));
    const hallH = px(Math.max(...own.map((b) => b.y + b.h)));
    width = Math.max(width, hallW + 2 * MARGIN);
    parts.push(
      `<text x="${MARGIN}" y="${top + 14}" class="hall">${escapeXml(hall)}</text>`,
      `<rect x="${MARGIN}" y="${top + 22}" width="${hallW}" height="${hallH}" fill="#fafafa" stroke="#999"/>`,
    );
    for (const b of own) {
      const style = STATES[b.state];
      const x = MARGIN + px(b.x);
      const y = top + 22 + px(b.y);
      const title = [b.code, b.zone, style.label, b.facilityName].filter(Boolean).join(' · ');
      const font = Math.max(6, Math.min(px(b.w) / 5, px(b.h) / 3, 14));
      parts.push(
        `<g class="booth" data-code="${escapeXml(b.code)}" data-state="${b.state}">` +
          `<title>${escapeXml(title)}</title>` +
          `<rect x="${x}" y="${y}" width="${px(b.w)}" height="${px(b.h)}" fill="${style.fill}" stroke="${style.stroke}"/>` +
          `<text x="${x + px(b.w) / 2}" y="${y + px(b.h) / 2}" font-size="${font}" text-anchor="middle" dominant-baseline="middle">${escapeXml(b.code)}</text>` +
          `</g>`,
      );
    }
    top += 22 + hallH + MARGIN;
  }
  if (halls.length === 0) {
    parts.push(`<text x="${MARGIN}" y="${top + 14}">Hội chợ chưa có gian hàng nào</text>`);
    top += 30;
  }
  const legend = (Object.keys(STATES) as BoothState[]).map((state, i) => {
    const { label, fill, stroke } = STATES[state];
    const x = MARGIN + i * 150;
    return (
      `<g class="legend" data-state="${state}"><rect x="${x}" y="${MARGIN + 30}" width="16" height="16" fill="${fill}" stroke="${stroke}"/>` +
      `<text x="${x + 22}" y="${MARGIN + 43}">${label} (${counts[state]})</text></g>`
    );
  });
  const height = top + MARGIN;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="sans-serif" font-size="12" role="img" aria-label="Sơ đồ gian hàng">` +
    `<style>.hall{font-weight:bold}</style>` +
    `<text x="${MARGIN}" y="${MARGIN + 6}" font-size="16" font-weight="bold">Sơ đồ gian hàng – ${escapeXml(fairName)}</text>` +
    legend.join('') +
    parts.join('') +
    `</svg>`
  );
}

/** A strong validator of exactly these bytes. */
export const etagOf = (body: string): string =>
  `"${createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 32)}"`;

/** True when the caller's If-None-Match names `etag` (or `*`). */
export const notModified = (ifNoneMatch: string | undefined, etag: string): boolean =>
  !!ifNoneMatch &&
  ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === etag || t === '*';
  });

/**
 * The live page's script: it reads the caller's access token from the URL fragment (`#access_token=…`,
 * never sent to a server) or the tab's session storage, then polls the SVG every 5 s with If-None-Match and
 * swaps it in only when it changed.
 */
const SCRIPT = `(() => {
  const plan = document.getElementById('plan');
  const status = document.getElementById('status');
  const url = location.pathname.replace(/\\/floor-plan$/, '/floor-plan.svg');
  const fragment = new URLSearchParams(location.hash.slice(1)).get('access_token');
  if (fragment) {
    sessionStorage.setItem('kc.accessToken', fragment);
    history.replaceState(null, '', location.pathname);
  }
  const token = sessionStorage.getItem('kc.accessToken');
  let etag = null;
  async function refresh() {
    const headers = {};
    if (token) headers.authorization = 'Bearer ' + token;
    if (etag) headers['if-none-match'] = etag;
    try {
      const res = await fetch(url, { headers, cache: 'no-store' });
      if (res.status === 200) {
        etag = res.headers.get('etag');
        plan.innerHTML = await res.text();
      } else if (res.status !== 304) {
        status.textContent = 'Không tải được sơ đồ (HTTP ' + res.status + ')';
        return;
      }
      status.textContent = 'Cập nhật lúc ' + new Date().toLocaleTimeString('vi-VN');
    } catch (error) {
      status.textContent = 'Mất kết nối, đang thử lại…';
    }
  }
  refresh();
  setInterval(refresh, 5000);
})();`;

const scriptHash = `'sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}'`;

/** Its own policy: the one inline script (by hash), inline styles, and fetches to this origin only. */
export const FLOOR_PLAN_PAGE_CSP =
  `default-src 'none'; script-src ${scriptHash}; style-src 'unsafe-inline'; connect-src 'self'; ` +
  `img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`;

/** The live floor plan page: a shell with no data of its own; the SVG comes with the caller's token. */
export const floorPlanPage = (): string =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>Sơ đồ gian hàng hội chợ</title>` +
  `<style>body{font-family:sans-serif;margin:16px}#status{color:#555;font-size:13px}</style></head>` +
  `<body><h1>Sơ đồ gian hàng</h1><p id="status">Đang tải…</p><div id="plan"></div>` +
  `<script>${SCRIPT}</script></body></html>`;
