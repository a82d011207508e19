import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createClient } from 'redis';
import type {
  ClusterDetailView,
  CompletenessView,
  ConferencePackView,
  ConferenceReport,
  Page as ApiPage,
  PeriodicReportListItem,
  PeriodicReportView,
  RecordAwardCertificatesView,
  ReportCalendarView,
  ScreenLink,
} from '@kc/contracts';
import { eventually } from '@kc/testing';
import { as, DEMO_PASSWORD, directGatewayUrl, gatewayUrl } from './gateway-client';

// The conference web app as a browser sees it: Debian's Chromium (never a downloaded browser) against the
// gateway itself, which serves the app built by the platform setup. Screenshots of every page are kept in
// .kc/test-results/screenshots for a person to look at.
const REPO = join(__dirname, '../../..');
const SHOTS = join(REPO, '.kc', 'test-results', 'screenshots');
const SEED = join(REPO, 'tools', 'seed', 'demo-data.mjs');
const AXE = join(REPO, 'node_modules', 'axe-core', 'axe.min.js');
const run = promisify(execFile);
/** A year no other end-to-end test writes plans for: the live test's page starts from nothing. */
const LIVE_YEAR = 2096;

const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
const base = () => directGatewayUrl();

async function signIn(context: BrowserContext, username: string, to = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base()}${to}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel(/Tên đăng nhập/).fill(username);
  await page.getByLabel(/Mật khẩu/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core in the page: the serious and critical violations, by rule, with where they are. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page is no wider than the screen (a phone never scrolls the whole page sideways). */
async function overflowX(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
}

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"]`).first();

describe('the conference web app in a browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The 2018 national plan through the gateway (the seed writes only what is missing).
    await run(process.execPath, [SEED, '--gateway', gatewayUrl(), '--plans', 'national-2018'], {
      timeout: 900_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const viewer = await as('xem');
    await eventually(async () => {
      const reply = await viewer.get<ConferenceReport>('/api/v1/conferences/national?year=2018');
      const t = reply.body.totals;
      return t?.projects === 262 && t.projectsCompleted === 261 && t.allocatedVnd === 120_000_000_000;
    }, 120_000);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 960_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in and reads the 2018 national figures from the page: 262 projects, 120.000.000.000 đ, 99,6 %', async () => {
    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await signIn(context, 'xem', '/conferences/national/2018');
    await expectText(figure(page, 'projects'), /\b262\b/);
    await expectText(figure(page, 'allocatedVnd'), /120\.000\.000\.000/);
    await expectText(figure(page, 'completionPercent'), /99,6\s?%/);
    // The session lives in HttpOnly cookies: nothing a script on the page can read.
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('JSON.stringify(localStorage)')).not.toMatch(/eyJ/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'national-2018-projector');

    await page.setViewportSize(PHONE);
    await expectText(figure(page, 'projects'), /\b262\b/);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await shoot(page, 'national-2018-phone');
    await context.close();
  }, 120_000);

  it('switches the northern page of 2018 between today’s units and the 28 units of that year', async () => {
    const viewer = await as('xem');
    const today = await viewer.get<ConferenceReport>('/api/v1/conferences/regional/north?year=2018');
    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await signIn(context, 'xem', '/conferences/regional/north/2018');
    const tiles = page.locator('[data-unit]');
    await eventuallyCount(tiles, today.body.units.length);
    await page.getByRole('button', { name: /Đơn vị hành chính năm 2018/ }).click();
    await page.waitForURL(/grouping=historical/);
    await eventuallyCount(tiles, 28);
    await shoot(page, 'north-2018-historical');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('drills from the nation to a province, its projects and one project', async () => {
    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await signIn(context, 'cuc.canbo', '/conferences/national/2018');
    await page.locator('[data-unit="40"] a').first().click();
    await page.waitForURL(/\/provinces\/40/);
    await expectText(page.locator('[data-testid="province-name"]'), /Nghệ An/);
    await shoot(page, 'province-40-2018');
    await page.locator('[data-testid="all-projects-link"]').click();
    await page.waitForURL(/\/projects\?/);
    const rows = page.locator('[data-project-id]');
    await eventuallyCount(rows, (n) => n > 0);
    await shoot(page, 'projects-40-2018');
    // Diacritic-blind search: "nghe an" finds what "Nghệ An" names.
    await page.getByRole('searchbox').fill('nghe an');
    await page.waitForURL(/q=nghe/);
    await eventuallyCount(rows, (n) => n > 0);
    await rows.first().getByRole('link').first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
    await expectText(page.locator('[data-testid="project-title"]'), /\S/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'project-page');
    await context.close();
  }, 120_000);

  it('keeps a province officer to its own unit’s projects', async () => {
    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await signIn(context, 'sct.40', '/projects?province=01&year=2018');
    const rows = page.locator('[data-project-id]');
    await eventuallyCount(rows, (n) => n > 0);
    const codes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-province')));
    expect(codes.every((c) => c === '40')).toBe(true);
    await shoot(page, 'officer-40-other-province');
    await context.close();
  }, 120_000);

  it('keeps a province officer to its own unit’s clusters and opens one with its history and occupancy', async () => {
    // Codes sort first (the list is by code), so both would be on the first page of an unscoped list.
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const ownCode = `A0-WEB-40-${suffix}`;
    const otherCode = `A0-WEB-01-${suffix}`;
    const registered = await (
      await as('sct.40')
    ).post<ClusterDetailView>('/api/v1/clusters', {
      code: ownCode,
      name: 'Cụm công nghiệp Nghi Phong',
      provinceCode: '40',
      status: 'established',
      establishment: {
        number: '0417/QĐ-UBND',
        date: '2025-03-10',
        authority: 'provincial-peoples-committee',
        issuedBy: 'UBND tỉnh Nghệ An',
      },
      totalAreaHa: 50,
      industrialAreaHa: 45,
      leasableAreaHa: 40,
      leasedAreaHa: 30,
      infrastructure: { wastewaterPlant: { capacityM3PerDay: 500, status: 'in-use' } },
    });
    expect(registered.status).toBe(201);
    const other = await (
      await as('cuc.canbo')
    ).post('/api/v1/clusters', {
      code: otherCode,
      name: 'Cụm công nghiệp Phú Túc',
      provinceCode: '01',
      status: 'planned',
      totalAreaHa: 20,
    });
    expect(other.status).toBe(201);

    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await signIn(context, 'sct.40', '/clusters');
    const rows = page.locator('[data-testid="cluster-row"]');
    await eventuallyCount(rows, (n) => n > 0);
    const shown = await rows.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-code'), e.getAttribute('data-province')]),
    );
    expect(shown.every(([, province]) => province === '40')).toBe(true);
    expect(shown.map(([code]) => code)).toContain(ownCode);
    expect(shown.map(([code]) => code)).not.toContain(otherCode);
    await expectText(page.locator(`[data-code="${ownCode}"] [data-testid="cluster-occupancy"]`), /^75%$/);
    await shoot(page, 'clusters-officer-40');

    await page.locator(`[data-code="${ownCode}"] a`).first().click();
    await page.waitForURL(new RegExp(`/clusters/${registered.body.id}$`));
    await expectText(page.locator('[data-testid="cluster-name"]'), /Cụm công nghiệp Nghi Phong/);
    const step = page.locator('[data-testid="cluster-history"] [data-step="establish"]');
    await expectText(step, /Quyết định số 0417\/QĐ-UBND ngày 10\/03\/2025/);
    await expectText(step, /UBND tỉnh Nghệ An/);
    await expectText(page.locator('[data-testid="cluster-occupancy"]'), /75%/);
    await expectText(page.locator('[data-testid="cluster-wastewater"]'), /Có.*500 m³\/ngày đêm/);
    await shoot(page, 'cluster-record');
    expect(await accessibilityViolations(page)).toEqual([]);
    // The province's reports of the period, from the navigation (shown to staff only).
    await page.getByRole('link', { name: 'Báo cáo CCN' }).click();
    await page.waitForURL(/\/cluster-reports/);
    await page
      .locator('[data-testid="cluster-report-table"], [data-testid="cluster-reports-empty"]')
      .first()
      .waitFor();
    expect(await page.locator('[data-testid="error"]').count()).toBe(0);
    await shoot(page, 'cluster-reports-officer-40');
    // Only the clusters that owe their report: the API filters, the heading says so.
    await page.locator('[data-testid="filter-report-show"]').selectOption('overdue');
    await page.waitForURL(/show=overdue/);
    await expectText(page.locator('#cl-report-list'), /Quá hạn chưa nộp/);
    await eventuallyCount(
      page.locator('[data-testid="cluster-report-row"]:not([data-overdue="true"])'),
      (n) => n === 0,
    );
    await context.close();
  }, 120_000);

  it('shows the agency the completeness of the latest due quarter after a province submits its report', async () => {
    // The quarter the panel opens on: the latest whose named deadline (the 15th after it) is past in Việt Nam.
    const period = latestDueQuarter(new Date());
    const form = 'sct-khuyen-cong-quy';
    const officer = await as('sct.40');
    const reportOf40 = async () =>
      (
        await officer.get<ApiPage<PeriodicReportListItem>>(
          `/api/v1/periodic-reports?formId=${form}&period=${period}`,
        )
      ).body.items.find((r) => r.provinceCode === '40');
    // Opened once per period and unit: a report left by an earlier run (or another test) is taken as it stands.
    const opened = await officer.post<PeriodicReportView>('/api/v1/periodic-reports', {
      formId: form,
      period,
      provinceCode: '40',
    });
    expect([201, 409]).toContain(opened.status);
    const report = await reportOf40();
    expect(report).toBeDefined();
    if (report!.status === 'draft' || report!.status === 'returned') {
      const view = await officer.get<PeriodicReportView>(`/api/v1/periodic-reports/${report!.id}`);
      // The signed report's scan: declared in the content, its bytes uploaded, before the submission needs it.
      const scan = Buffer.from('%PDF-1.7\nBáo cáo quý có chữ ký của Sở Công Thương Nghệ An\n');
      const scanSha = createHash('sha256').update(scan).digest('hex');
      const edited = await fetch(`${gatewayUrl()}/api/v1/periodic-reports/${report!.id}/content`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          // The platform's figures as they are, plus the cells only the department knows.
          values: {
            ...view.body.working!.entered,
            trainees: 120,
            brands: 2,
            demonstrationModels: 1,
            facilitiesGivenMachinery: 3,
          },
          narratives: { results: 'Hoàn thành kế hoạch quý', difficulties: 'Giải ngân chậm' },
          attachments: [
            {
              slot: 'signedReport',
              fileName: 'bao-cao-quy.pdf',
              mediaType: 'application/pdf',
              bytes: scan.length,
              sha256: scanSha,
            },
          ],
        }),
      });
      expect(edited.status).toBe(200);
      const uploaded = await officer.post(
        `/api/v1/periodic-reports/${report!.id}/attachments/${scanSha}/content`,
        { offset: 0, contentBase64: scan.toString('base64') },
      );
      expect(uploaded.status).toBe(200);
      const submitted = await officer.post(`/api/v1/periodic-reports/${report!.id}/submit`, undefined, {
        'idempotency-key': randomUUID(),
      });
      expect(submitted.status).toBe(200);
    }
    expect((await reportOf40())!.status).not.toMatch(/^(draft|returned)$/);
    const panel = await (
      await as('cuc.canbo')
    ).get<CompletenessView>(`/api/v1/periodic-reports/completeness?formId=${form}&period=${period}`);
    expect(panel.status).toBe(200);
    expect(panel.body.nation.submitted.count).toBeGreaterThanOrEqual(1);
    const unit40 = panel.body.units.find((u) => u.provinceCode === '40')!;
    expect(['on-time', 'late']).toContain(unit40.timeliness);

    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await signIn(context, 'cuc.canbo', '/conferences/national/2018');
    await page.getByRole('link', { name: 'Đầy đủ báo cáo' }).click();
    await page.waitForURL(/\/periodic-reports\/completeness/);
    const nation = page.locator('[data-testid="completeness-nation"]');
    const count = (key: keyof CompletenessView['nation']) =>
      new RegExp(`^${(panel.body.nation[key] as { count: number }).count}$`);
    await expectText(nation.locator('[data-figure="submitted"]'), count('submitted'));
    await expectText(nation.locator('[data-figure="onTime"]'), count('onTime'));
    await expectText(nation.locator('[data-figure="late"]'), count('late'));
    await expectText(nation.locator('[data-figure="overdue"]'), count('overdue'));
    await expectText(nation.locator('[data-figure="awaitingReview"]'), count('awaitingReview'));
    // The unit is named under its standing, with the Vietnamese name of the reference data.
    await expectText(
      page.locator(`[data-units="timeliness-${unit40.timeliness}"] [data-unit-code="40"]`),
      /Nghệ An/,
    );
    await expectText(page.locator('[data-testid="completeness-subtitle"]'), /Quý (I|II|III|IV)\/\d{4}/);
    expect(await page.locator('[data-testid="error"]').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'periodic-report-completeness');
    await context.close();
  }, 120_000);

  it('lets a certificate holder file last year’s annual report on the page, then shows its province it awaits review', async () => {
    // dn.demo's facility (0101234567, Hà Nội) holds no certificate in the demo data: its province records one
    // issued last year, as a department records its paper certificates, so the facility owes last year's report.
    const today = vietnamToday();
    const year = Number(today.slice(0, 4)) - 1;
    const period = `${year}-Y`;
    const form = 'chu-giay-chung-nhan-nam';
    const facility = '0101234567';
    const recorded = await (
      await as('sct.01')
    ).post<RecordAwardCertificatesView>('/api/v1/award-certificates/records', {
      certificates: [
        {
          number: `T-01-${year}-${String(randomInt(1, 10_000)).padStart(4, '0')}`,
          productGroup: 'handicraft',
          productName: 'Bộ bàn ghế mây tre đan Phú Vinh',
          holder: { facilityName: 'Hợp tác xã mây tre đan Phú Vinh', taxCode: facility, provinceCode: '01' },
          issuedOn: `${year}-11-20`,
        },
      ],
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.results.map((r) => r.outcome)).toEqual(['recorded']);
    // Reporting learns the holder from the certificate's event: the facility's calendar then lists the report.
    const business = await as('dn.demo');
    await eventually(async () => {
      const calendar = await business.get<ReportCalendarView>(
        `/api/v1/periodic-reports/calendar?from=${shiftDay(today, -366)}&to=${today}`,
      );
      return calendar.body.items?.some((i) => i.formId === form && i.period === period);
    }, 60_000);

    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await signIn(context, 'dn.demo', '/notifications');
    // Its notices, and the reports from the navigation: both routes admit a business user.
    await page
      .locator('[data-testid="notifications"], [data-testid="notifications-empty"]')
      .first()
      .waitFor();
    expect(await page.locator('[data-testid="error"]').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Báo cáo định kỳ', exact: true }).click();
    await page.waitForURL(/\/periodic-reports$/);
    const due = page.locator(`[data-testid="calendar-row"][data-period="${period}"]`);
    await expectText(due, /Hợp tác xã mây tre đan Phú Vinh/);
    expect(await page.locator('[data-testid="error"]').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'holder-report-calendar');
    await due.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.waitForURL(/\/periodic-reports\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;

    // The holders' form: revenue and workers required, the product's changes optional; no Excel, no review.
    await page.locator('[data-testid="report-editor"]').waitFor();
    expect(
      await page.locator('[data-testid="report-template"], [data-testid="report-approve"]').count(),
    ).toBe(0);
    await page.getByLabel('Doanh thu từ sản phẩm').fill('1.250.000.000');
    await page.getByLabel('Số lao động').fill('18');
    await page.getByLabel('Thay đổi của sản phẩm').fill('Thêm mẫu ghế mây đan cho khách xuất khẩu');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'holder-report-editor');
    await page.getByTestId('report-submit').click();
    await expectText(page.locator('.dd-subtitle [data-report-status]'), /^Đã gửi, chờ Sở duyệt$/);
    expect(await page.locator('[data-testid="report-editor"]').count()).toBe(0);
    // Before the deadline it may withdraw; after it the submission is locked, and the page says so.
    await page.locator('[data-testid="report-withdraw"], [data-testid="report-locked"]').first().waitFor();
    expect(await page.locator('[data-testid="report-approve"]').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'holder-report-submitted');
    await context.close();

    const filed = await business.get<PeriodicReportView>(`/api/v1/periodic-reports/${id}`);
    expect(filed.body).toMatchObject({
      formId: form,
      period,
      provinceCode: '01',
      reporterId: facility,
      status: 'submitted',
      awaiting: 'province',
    });
    expect(filed.body.versions.map((v) => v.content.entered)).toEqual([
      { revenueVnd: 1_250_000_000, workers: 18 },
    ]);
    expect(filed.body.versions[0]!.content.narratives).toEqual({
      changes: 'Thêm mẫu ghế mây đan cho khách xuất khẩu',
    });

    // The province reviews its holders' reports (it does not file them): the report awaits it.
    const officerContext = await browser.newContext({
      viewport: PROJECTOR,
      locale: 'vi-VN',
      bypassCSP: true,
    });
    const officer = await signIn(
      officerContext,
      'sct.01',
      `/periodic-reports?formId=${form}&status=submitted`,
    );
    const row = officer.locator(`[data-testid="periodic-report-row"]:has(a[href="/periodic-reports/${id}"])`);
    await expectText(row.locator('[data-report-status]'), /^Đã gửi, chờ Sở duyệt$/);
    await expectText(row, new RegExp(facility));
    await row.getByRole('link').first().click();
    await officer.waitForURL(new RegExp(`/periodic-reports/${id}$`));
    await officer.getByTestId('report-approve').waitFor();
    await expectText(officer.locator('[data-cell="revenueVnd"]'), /1\.250\.000\.000 đ/);
    expect(
      await officer.locator('[data-testid="report-withdraw"], [data-testid="report-editor"]').count(),
    ).toBe(0);
    expect(await accessibilityViolations(officer)).toEqual([]);
    await shoot(officer, 'holder-report-awaiting-province');
    await officerContext.close();
  }, 180_000);

  it('shows a write made through the API on an open page, without a reload', async () => {
    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await signIn(context, 'cuc.canbo', `/conferences/national/${LIVE_YEAR}`);
    await expectText(figure(page, 'plansAllLevels'), /^\D*0\D*$/);
    let reloaded = false;
    page.on('load', () => (reloaded = true));
    const officer = await as('sct.40');
    const written = Date.now();
    const plan = await officer.post('/api/v1/plans', {
      year: LIVE_YEAR,
      level: 'provincial',
      provinceCode: '40',
      budgetVnd: 2_000_000_000,
      registrationDeadline: `${LIVE_YEAR - 1}-09-30`,
    });
    expect(plan.status).toBe(201);
    await expectText(figure(page, 'plansAllLevels'), /^\D*1\D*$/, 15_000);
    // The 1 s is a target for the benchmark (tools/bench), not a timed test: printed for the record.
    process.stdout.write(`live page updated ${Date.now() - written} ms after the write's answer\n`);
    expect(reloaded).toBe(false);
    await context.close();
  }, 120_000);

  it('freezes a conference pack from the page: the same id gives the same PDF and Excel bytes again', async () => {
    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await signIn(context, 'cuc.canbo', '/conferences/national/2018');
    await expectText(figure(page, 'projects'), /\b262\b/);
    await page.getByText('Gói số liệu hội nghị', { exact: true }).click();
    await page.getByRole('button', { name: /Chốt gói số liệu/ }).click();
    const pack = page.locator('[data-pack]').first();
    await pack.waitFor();
    const id = (await pack.getAttribute('data-pack'))!;
    await shoot(page, 'conference-pack');
    await context.close();

    const agency = await as('cuc.canbo');
    const meta = await agency.get<ConferencePackView>(`/api/v1/conference-packs/${id}`);
    expect(meta.body).toMatchObject({ year: 2018, level: 'national', frozenBy: { name: 'cuc.canbo' } });
    expect(meta.body.totals).toMatchObject({ projects: 262, allocatedVnd: 120_000_000_000 });
    const download = async (path: string) => {
      const res = await fetch(`${gatewayUrl()}${path}`, {
        headers: { authorization: `Bearer ${agency.token}` },
      });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    for (const file of [meta.body.files.report, meta.body.files.annex]) {
      const [first, second] = [await download(file.href), await download(file.href)];
      expect(first.equals(second)).toBe(true);
      expect(createHash('sha256').update(first).digest('hex')).toBe(file.sha256);
    }
  }, 120_000);

  it('opens a hall screen link before it expires, shows only the view, and refuses it after', async () => {
    const officer = await as('cuc.canbo');
    const link = await officer.post<ScreenLink>('/api/v1/screens', {
      level: 'national',
      year: 2018,
      minutes: 30,
    });
    expect(link.status).toBe(201);
    const context = await browser.newContext({ viewport: PROJECTOR, locale: 'vi-VN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base()}${link.body.url}`);
    await expectText(figure(page, 'projects'), /\b262\b/);
    // Nothing to navigate to: the screen reveals the view and nothing else.
    expect(await page.locator('a[href], nav').count()).toBe(0);
    await shoot(page, 'screen-national-2018');

    const expired = await expiredScreenToken();
    await page.goto(`${base()}/screen/${expired}`);
    await expectText(page.locator('body'), /hết hạn/i);
    expect(await page.locator('[data-figure]').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('lets anyone verify an award certificate by its number, with no session, and shows a withdrawal', async () => {
    const agency = await as('cuc.canbo');
    const today = new Date().toISOString().slice(0, 10);
    const number = `QG-${today.slice(0, 4)}-${String((randomBytes(2).readUInt16BE() % 9000) + 1000)}`;
    const recorded = await agency.post('/api/v1/award-certificates/records', {
      certificates: [
        {
          number,
          productGroup: 'agro-food',
          productName: 'Nước mắm Cửa Hội',
          holder: {
            facilityName: 'Cơ sở chế biến hải sản Cửa Hội',
            taxCode: '2901234567',
            provinceCode: '40',
          },
          issuedOn: today,
        },
      ],
    });
    expect(recorded.status).toBe(200);
    const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base()}/verify/${number}`);
    await expectText(page.locator('.verify-status'), /Còn hiệu lực/);
    await expectText(page.locator('.verify-result'), /Nước mắm Cửa Hội/);
    expect(await page.content()).not.toContain('2901234567');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'verify-valid-phone');

    const withdrawn = await agency.post(`/api/v1/award-certificates/${number}/withdrawal`, {
      on: today,
      reason: 'Cơ sở không còn sản xuất sản phẩm đạt giải',
    });
    expect(withdrawn.status).toBeLessThan(300);
    await page.reload();
    await expectText(page.locator('.verify-status'), /Đã thu hồi/);
    await shoot(page, 'verify-withdrawn-phone');
    // A number nobody issued says so, in the reader's language.
    await page.goto(`${base()}/verify/QG-1999-0001`);
    await expectText(page.locator('.verify-result'), /Không có giấy chứng nhận số QG-1999-0001/);
    await context.close();
  });
});

/** Today in Việt Nam (UTC+7 all year), YYYY-MM-DD. */
function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD `days` after (or before) a calendar day. */
function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The latest quarter whose named deadline (the 15th of the month after it) is before today in Việt Nam. */
function latestDueQuarter(now: Date): string {
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  for (let year = Number(today.slice(0, 4)); ; year--) {
    for (let q = 4; q >= 1; q--) {
      const month = q * 3 + 1;
      const due = month > 12 ? `${year + 1}-01-15` : `${year}-${String(month).padStart(2, '0')}-15`;
      if (due < today) return `${year}-Q${q}`;
    }
  }
}

/** A screen link that expired ten minutes ago, written where the gateway keeps links (Redis, by token hash). */
async function expiredScreenToken(): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const redis = createClient({ url: process.env['KC_TEST_REDIS_URL'] });
  await redis.connect();
  try {
    const key = `kc:gateway:screen:${createHash('sha256').update(token).digest('hex')}`;
    const record = {
      id: randomUUID(),
      level: 'national',
      region: null,
      year: 2018,
      grouping: 'current',
      expiresAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      createdBy: 'user:e2e',
    };
    await redis.set(key, JSON.stringify(record), { expiration: { type: 'EX', value: 3600 } });
  } finally {
    await redis.close();
  }
  return token;
}

async function expectText(
  locator: ReturnType<Page['locator']>,
  pattern: RegExp,
  timeout = 15_000,
): Promise<void> {
  await locator.waitFor({ timeout });
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.innerText()).trim();
    if (pattern.test(text)) return;
    await locator.page().waitForTimeout(100);
  }
  expect(text).toMatch(pattern);
}

async function eventuallyCount(
  locator: ReturnType<Page['locator']>,
  expected: number | ((n: number) => boolean),
): Promise<void> {
  const ok = typeof expected === 'number' ? (n: number) => n === expected : expected;
  const deadline = Date.now() + 15_000;
  let n = -1;
  while (Date.now() < deadline) {
    n = await locator.count();
    if (ok(n)) return;
    await locator.page().waitForTimeout(100);
  }
  expect(n).toBe(typeof expected === 'number' ? expected : 'a count that satisfies the test');
}
