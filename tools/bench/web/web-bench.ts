/**
 * The conference web app as a hall uses it (issue 13's performance targets). Prints figures; not a test.
 *
 *   npm run bench:web -- [--projects 50000] [--loads 5] [--pages 300] [--rest-seconds 30]
 *
 * 1. First load of the national page in Chromium (a new browser context each time: empty cache, signed in):
 *    navigation start → the headline figures on screen, and the JavaScript the first page needs (bytes on the
 *    wire, compressed) — targets < 1.5 s and ≤ 400 KB.
 * 2. `--pages` open live pages (each page holds one server-sent event stream of GET /api/v1/live): the gateway's
 *    CPU over `--rest-seconds` with them open and nothing changing, against the same time with none open —
 *    target < 10 % of one core. Then one write: how long until every page has heard of it.
 * 3. Write → screen: an open national page, and five writes through the API one after another; from each write
 *    sent to the frame showing it — target within 1 s.
 *
 * Runs on the bench profile's own platform (clean slate, stopped after); `--projects N` puts N projects of the
 * eight years up to this one into the reporting projection first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preloadProjections, reportingDatabase } from '../event-lag/hall';
import { benchFlags, numberFlag } from '../shared/cli';
import { loadAverage, machineLine } from '../shared/machine';
import { BenchPlatform } from '../shared/platform';
import { summarise } from '../shared/stats';

const USAGE = 'usage: npm run bench:web -- [--projects N] [--loads N] [--pages N] [--rest-seconds N]';
const YEAR = new Date().getFullYear();
const PASSWORD = process.env['DEMO_PASSWORD'] || 'khuyencong2026';
/** The bench profile's gateway (deploy/profiles.mjs `paths.run`, tools/platform/services.mjs). */
const GATEWAY_PID_FILE = join(__dirname, '..', '..', '..', '.kc', 'run', 'bench-gateway.pid');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the line; here 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function sessionCookie(gateway: string, username: string): Promise<string> {
  const reply = await fetch(`${gateway}/api/v1/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!reply.ok) throw new Error(`sign-in as ${username}: HTTP ${reply.status}`);
  return reply.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function firstLoads(gateway: string, loads: number) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const times: number[] = [];
  let scriptBytes = 0;
  try {
    for (let i = 0; i < loads; i++) {
      // bypassCSP: the probe below is evaluated as a string, which the app's policy (rightly) forbids.
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
      await context.request.post(`${gateway}/api/v1/auth/session`, {
        data: { username: 'xem', password: PASSWORD },
      });
      // When the headline figure is in the page, the next frame: that frame shows it (a script that holds the
      // main thread after the insertion delays the frame, and is counted).
      await context.addInitScript(`
        new MutationObserver((_, observer) => {
          const figure = document.querySelector('[data-figure="projects"]');
          if (figure && figure.textContent.trim()) {
            observer.disconnect();
            requestAnimationFrame(() => { window.__figuresShownAt = performance.now(); });
          }
        }).observe(document, { childList: true, subtree: true, characterData: true });
      `);
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      page.on('requestfinished', (request) => {
        if (request.resourceType() === 'script')
          scripts.push(request.sizes().then((s) => s.responseBodySize));
      });
      await page.goto(`${gateway}/conferences/national/${YEAR}`);
      // From the start of the navigation (performance.now() counts from it).
      await page.waitForFunction('window.__figuresShownAt !== undefined');
      times.push(Math.round((await page.evaluate('window.__figuresShownAt')) as number));
      // The page's JavaScript in all: until every chart is drawn (the chart library comes after the figures).
      await page.waitForFunction(
        `[...document.querySelectorAll('[data-chart-ready]')].every((c) => c.dataset.chartReady === 'true')`,
      );
      scriptBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { times, scriptBytes };
}

/** Units whose officers write one provincial plan each in the "write → figure on screen" measure. */
const WRITERS = ['40', '01', '79', '48', '92'];

/**
 * An open national page of a year with nothing in it; one officer at a time writes a provincial plan of that year
 * through the API: from the write sent to the frame that shows the plans figure one higher (the live notice, the
 * refetch through the edge and the render, with no reload).
 */
async function writeToScreen(gateway: string, year: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const lags: number[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    await context.request.post(`${gateway}/api/v1/auth/session`, {
      data: { username: 'xem', password: PASSWORD },
    });
    const page = await context.newPage();
    await page.goto(`${gateway}/conferences/national/${year}`);
    const shows = (n: number) =>
      page.waitForFunction(
        `(document.querySelector('[data-figure="plansAllLevels"]')?.textContent ?? '').trim() === '${n}'`,
        undefined,
        { timeout: 20_000, polling: 'raf' },
      );
    await shows(0);
    for (const [i, unit] of WRITERS.entries()) {
      const officer = await sessionCookie(gateway, `sct.${unit}`);
      const sent = Date.now();
      const plan = await fetch(`${gateway}/api/v1/plans`, {
        method: 'POST',
        headers: { cookie: officer, 'content-type': 'application/json', 'x-kc-session': '1' },
        body: JSON.stringify({ year, level: 'provincial', provinceCode: unit, budgetVnd: 1_000_000_000 }),
      });
      if (plan.status !== 201) throw new Error(`the write: HTTP ${plan.status} ${await plan.text()}`);
      await shows(i + 1);
      lags.push(Date.now() - sent);
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return lags;
}

/** `count` open live streams; resolves once each has its `ready` event. `heardAt`: when each heard reporting change. */
async function openStreams(gateway: string, cookie: string, count: number) {
  const controller = new AbortController();
  const heardAt: number[] = [];
  const opened = Array.from({ length: count }, async () => {
    const res = await fetch(`${gateway}/api/v1/live`, { headers: { cookie }, signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
          if (text.includes('event: ready')) ready();
          // The notice a conference page refetches on: the reporting service's views changed.
          if (/event: changed\ndata: .*"reporting"/.test(text)) {
            heardAt.push(Date.now());
            text = '';
          } else if (text.includes('event: changed')) {
            text = '';
          }
        }
      } catch {
        // aborted at the end of the run
      }
    })();
    await isReady;
  });
  await Promise.all(opened);
  return { heardAt, close: () => controller.abort() };
}

async function main(): Promise<void> {
  const flags = benchFlags(process.argv.slice(2), ['projects', 'loads', 'pages', 'rest-seconds'], USAGE);
  const projects = numberFlag('projects', flags['projects'], 50_000, {
    min: 0,
    max: 1_000_000,
    integer: true,
  });
  const loads = numberFlag('loads', flags['loads'], 5, { min: 1, max: 100, integer: true });
  const pages = numberFlag('pages', flags['pages'], 300, { min: 1, max: 5_000, integer: true });
  const rest = numberFlag('rest-seconds', flags['rest-seconds'], 30, { min: 5, max: 600, integer: true });
  console.log('The conference web app');
  console.log(`  machine   ${machineLine()}`);
  const platform = await BenchPlatform.start({}, [], (line) => console.log(`· ${line}`));
  try {
    if (projects) {
      await preloadProjections(reportingDatabase(), YEAR, projects);
      console.log(`· ${projects} projects of ${YEAR - 7}–${YEAR} put into the reporting projection`);
    }
    const gateway = platform.gateway;
    const pid = Number(readFileSync(GATEWAY_PID_FILE, 'utf8').trim());

    const { times, scriptBytes } = await firstLoads(gateway, loads);
    const p50 = summarise(times)!.p50;
    console.log(
      `\n  first load of /conferences/national/${YEAR}, to the figures on screen (${loads} cold loads)`,
    );
    console.log(
      `    p50 ${p50} ms, max ${Math.max(...times)} ms (target < 1,500 ms: ${p50 < 1500 ? 'met' : 'not met'})`,
    );
    console.log(
      `    JavaScript of the page on the wire, charts included: ${(scriptBytes / 1024).toFixed(0)} KB compressed ` +
        `(target ≤ 400 KB: ${scriptBytes <= 400 * 1024 ? 'met' : 'not met'})`,
    );

    const idleBefore = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, rest * 1000));
    const idle = (cpuSeconds(pid) - idleBefore) / rest;
    const cookie = await sessionCookie(gateway, 'xem');
    const streams = await openStreams(gateway, cookie, pages);
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, rest * 1000));
    const open = (cpuSeconds(pid) - before) / rest;
    const cost = open - idle;
    console.log(`\n  ${pages} live pages open, nothing changing, ${rest} s`);
    console.log(
      `    gateway CPU ${(100 * open).toFixed(1)} % of a core (${(100 * idle).toFixed(1)} % with none open): ` +
        `${(100 * cost).toFixed(1)} % for the pages (target < 10 %: ${cost < 0.1 ? 'met' : 'not met'})`,
    );

    const officer = await sessionCookie(gateway, 'sct.40');
    const written = Date.now();
    const plan = await fetch(`${gateway}/api/v1/plans`, {
      method: 'POST',
      headers: { cookie: officer, 'content-type': 'application/json', 'x-kc-session': '1' },
      body: JSON.stringify({
        year: YEAR + 1,
        level: 'provincial',
        provinceCode: '40',
        budgetVnd: 1_000_000_000,
      }),
    });
    if (plan.status !== 201) throw new Error(`the write: HTTP ${plan.status} ${await plan.text()}`);
    const deadline = Date.now() + 10_000;
    while (streams.heardAt.length < pages && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const lags = streams.heardAt.map((t) => t - written);
    console.log(
      `    one write (a provincial plan): ${lags.length} of ${pages} pages told the conference views changed, ` +
        `p50 ${summarise(lags)?.p50 ?? '—'} ms, last ${Math.max(...lags)} ms after the write was sent`,
    );
    streams.close();

    const onScreen = summarise(await writeToScreen(gateway, YEAR + 2))!;
    console.log(
      `\n  a write through the API → the open national page shows it (${onScreen.n} writes, one at a time)`,
    );
    console.log(
      `    p50 ${onScreen.p50} ms, max ${onScreen.max} ms after the write was sent ` +
        `(target ≤ 1 s: ${onScreen.max <= 1000 ? 'met' : onScreen.p50 <= 1000 ? 'met at p50, not at max' : 'not met'})`,
    );
    console.log(`  load average after the run: ${loadAverage()}`);
    console.log(
      `  reproduce: npm run bench:web -- --projects ${projects} --loads ${loads} --pages ${pages} --rest-seconds ${rest}`,
    );
  } finally {
    await platform.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
