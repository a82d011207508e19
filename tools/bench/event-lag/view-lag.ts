import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConferenceReport, Page, PlanView, ProjectView, ProvincesView } from '@kc/contracts';
import { atSteadyRate } from '../shared/stats';

/** A failed HTTP call, with the problem+json detail when there is one. */
class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export class GatewayClient {
  private token = '';

  constructor(readonly baseUrl: string) {}

  /** The access token of the last login. */
  get bearer(): string {
    return this.token;
  }

  /** Logs in as the agency's administrator (the demo account of the README). */
  async login(
    username = 'cuc.admin',
    password = process.env['DEMO_PASSWORD'] || 'khuyencong2026',
  ): Promise<void> {
    const { accessToken } = await this.request<{ accessToken: string }>('POST', '/api/v1/auth/login', {
      username,
      password,
    });
    this.token = accessToken;
  }

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    if (!res.ok) {
      let problem: { code?: string; detail?: string } = {};
      try {
        problem = JSON.parse(text);
      } catch {
        // not problem+json: the raw text goes into the message
      }
      throw new HttpError(
        `${method} ${path} → ${res.status} ${problem.detail ?? text.slice(0, 200)}`,
        res.status,
        problem.code,
      );
    }
    return JSON.parse(text) as T;
  }
}

export interface ViewLagOptions {
  year: number;
  rate: number;
  durationSeconds: number;
  pollMs: number;
  settleSeconds: number;
  runId: string;
  signal: AbortSignal;
}

export interface ViewLagResult {
  planId: string;
  planName: string;
  writes: number;
  failedWrites: number;
  firstError?: string;
  /** POST …/register → 200, per successful write. */
  writeMs: number[];
  /** 200 → answer of the first poll of the conference view that counts the write (an upper bound). */
  lagMs: number[];
  /** 201 → start of the poll before it, which did not count the write yet (a lower bound, 0 if after the 201). */
  lagLowerMs: number[];
  /** Writes the view already counted when their 201 arrived (lag recorded as 0). */
  visibleBeforeAck: number;
  notVisible: number;
  polls: number;
  failedPolls: number;
  meanPollCycleMs: number;
}

interface Write {
  unit: string;
  ackAt: number;
  /** 1 for the first write of its unit in this run, 2 for the second, … */
  ordinal: number;
  visibleAt?: number;
  /** When the last poll that did not count this write yet was sent. */
  notYetAt?: number;
}

const PLAN_NAME = (year: number) => `Kế hoạch thử nghiệm đo độ trễ sự kiện (benchmark) năm ${year}`;

/**
 * Registers projects under the benchmark's own national plan (a far-future year, so nothing else counts
 * there), spread round-robin over today's provincial units, and polls the national conference view of that
 * year. At 20 writes/s over 34 units a unit gets a write every 1.7 s, so "the view counts k projects of unit U"
 * identifies which writes are visible. (Only if a write takes longer than that spacing can two writes of a
 * unit commit in another order than their 201s arrive; their lags are then swapped, the distribution barely.)
 */
export class ViewLagProbe {
  private planId = '';
  private planYear = 0;
  private units: string[] = [];
  private baseline = new Map<string, number>();

  constructor(private readonly gw: GatewayClient) {}

  /** The benchmark plan, today's units, one warm-up write seen end to end, and the view's starting counts. */
  async prepare(year: number): Promise<void> {
    this.planId = await this.ensurePlan(year);
    this.planYear = year;
    const provinces = await this.gw.request<ProvincesView>('GET', '/api/v1/reference/provinces');
    this.units = provinces.items.map((p) => p.code);

    const before = await this.counts(year);
    const unit = this.units[0];
    await this.registerWhenPlanKnown({
      title: `Đề án khởi động đo độ trễ ${new Date().toISOString()}`,
      unit,
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const now = await this.counts(year);
      if ((now.get(unit) ?? 0) > (before.get(unit) ?? 0)) {
        this.baseline = now;
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `a warm-up project did not show in GET /api/v1/conferences/national?year=${year} within 30 s`,
        );
      }
      await sleep(100);
    }
  }

  async run(o: ViewLagOptions): Promise<ViewLagResult> {
    const acked = new Map<string, Write[]>();
    const seen = new Map<string, number>();
    const writeMs: number[] = [];
    let failedWrites = 0;
    let firstError: string | undefined;
    const inFlight = new Set<Promise<void>>();

    const write = (i: number) => {
      const unit = this.units[i % this.units.length];
      const title = `Đề án đo độ trễ sự kiện — lần chạy ${o.runId}, số ${i + 1}`;
      let sentAt = performance.now();
      // The view counts a project from its registration: the draft is written first, the timed write is
      // POST …/register.
      const p = this.gw
        .request<ProjectView>('POST', '/api/v1/projects', this.projectBody(title, unit))
        .then((draft) => {
          sentAt = performance.now();
          return this.gw.request<ProjectView>('POST', `/api/v1/projects/${draft.id}/register`, {});
        })
        .then(() => {
          const ackAt = performance.now();
          writeMs.push(ackAt - sentAt);
          const list = acked.get(unit) ?? [];
          const w: Write = { unit, ackAt, ordinal: list.length + 1 };
          if ((seen.get(unit) ?? 0) >= w.ordinal) w.visibleAt = ackAt;
          list.push(w);
          acked.set(unit, list);
        })
        .catch((e: Error) => {
          failedWrites++;
          firstError ??= e.message;
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    };

    let writing = true;
    let polls = 0;
    let failedPolls = 0;
    const pollStarted = performance.now();
    const poller = (async () => {
      let settleDeadline = Infinity;
      let previousPollAt = performance.now();
      for (;;) {
        const t = performance.now();
        const counts = await this.counts(o.year).catch(() => {
          failedPolls++;
          return null;
        });
        const at = performance.now();
        polls++;
        for (const [unit, count] of counts ?? []) {
          const c = count - (this.baseline.get(unit) ?? 0);
          seen.set(unit, Math.max(seen.get(unit) ?? 0, c));
          for (const w of acked.get(unit) ?? []) {
            if (w.visibleAt === undefined && w.ordinal <= c) {
              w.visibleAt = at;
              w.notYetAt = previousPollAt;
            }
          }
        }
        previousPollAt = t;
        if (!writing && inFlight.size === 0) {
          if (settleDeadline === Infinity) settleDeadline = at + o.settleSeconds * 1000;
          const pending = [...acked.values()].flat().some((w) => w.visibleAt === undefined);
          if (!pending || at > settleDeadline || o.signal.aborted) return;
        }
        const wait = t + o.pollMs - performance.now();
        if (wait > 0) await sleep(wait);
      }
    })();

    const writes = await atSteadyRate(o.rate, o.durationSeconds, write, o.signal);
    await Promise.all(inFlight);
    writing = false;
    await poller;

    const all = [...acked.values()].flat();
    const visible = all.filter((w) => w.visibleAt !== undefined);
    return {
      planId: this.planId,
      planName: PLAN_NAME(o.year),
      writes,
      failedWrites,
      firstError,
      writeMs,
      lagMs: visible.map((w) => (w.visibleAt as number) - w.ackAt),
      lagLowerMs: visible.map((w) => Math.max(0, (w.notYetAt ?? w.ackAt) - w.ackAt)),
      visibleBeforeAck: visible.filter((w) => w.visibleAt === w.ackAt).length,
      notVisible: all.length - visible.length,
      polls,
      failedPolls,
      meanPollCycleMs: (performance.now() - pollStarted) / Math.max(1, polls),
    };
  }

  /** Projects per unit in the national conference view of `year`. */
  private async counts(year: number): Promise<Map<string, number>> {
    const report = await this.gw.request<ConferenceReport>(
      'GET',
      `/api/v1/conferences/national?year=${year}`,
    );
    return new Map(report.units.map((u) => [u.code, u.projects]));
  }

  private async ensurePlan(year: number): Promise<string> {
    const page = await this.gw.request<Page<PlanView>>('GET', `/api/v1/plans?year=${year}&level=national`);
    const existing = page.items.find((p) => p.level === 'national');
    if (existing) {
      if (existing.name !== PLAN_NAME(year)) {
        throw new Error(
          `the national plan of ${year} ("${existing.name}") is not the benchmark's: choose another --year`,
        );
      }
      return existing.id;
    }
    const body = { year, level: 'national', name: PLAN_NAME(year), budgetVnd: 1_000_000_000 };
    return (await this.gw.request<PlanView>('POST', '/api/v1/plans', body)).id;
  }

  /** Right after the plan is created the projects service may not know it yet (it learns from the plan's event). */
  private async registerWhenPlanKnown({ title, unit }: { title: string; unit: string }): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const draft = await this.gw.request<ProjectView>(
          'POST',
          '/api/v1/projects',
          this.projectBody(title, unit),
        );
        await this.gw.request<ProjectView>('POST', `/api/v1/projects/${draft.id}/register`, {});
        return;
      } catch (e) {
        if (!(e instanceof HttpError && e.code === 'project.unknown-plan') || Date.now() > deadline) throw e;
        await sleep(200);
      }
    }
  }

  /** A small training project (content 1) of the benchmark plan: no beneficiaries, so nothing to claim. */
  private projectBody(title: string, unit: string) {
    return {
      planId: this.planId,
      title,
      kind: 'ordinary',
      activityContents: [1],
      implementingUnit: `Trung tâm Khuyến công đơn vị ${unit}`,
      provinceCode: unit,
      startDate: `${this.planYear}-03-01`,
      endDate: `${this.planYear}-10-31`,
      kcqgVnd: 1_000_000,
      kcdpVnd: 0,
      counterpartVnd: 0,
      otherVnd: 0,
      procurementMode: 'selection',
      advanceCategory: 'training-events-media',
    };
  }
}
