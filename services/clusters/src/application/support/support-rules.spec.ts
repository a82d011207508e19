import { predecessorsOf } from '@kc/reference-data';
import type {
  LinkedProjectRow,
  SupportProjectRow,
} from '../../infrastructure/persistence/support/support-projects';
import { linkRefusal, supportView } from './support-rules';

const project = (overrides: Partial<SupportProjectRow> = {}): SupportProjectRow => ({
  projectId: '11111111-1111-4111-8111-111111111111',
  registered: true,
  code: 'DA-01',
  title: 'Hạ tầng cụm công nghiệp',
  provinceCode: '08',
  planYear: 2026,
  fundingSource: 'KCQG',
  activityContents: [7],
  status: 'in-progress',
  kcqgVnd: 0,
  kcdpVnd: 0,
  requestedSupportVnd: 0,
  appraisedSupportVnd: null,
  allocatedVnd: null,
  advancedVnd: 0,
  paidVnd: 0,
  settledVnd: null,
  settledOn: null,
  stoppedOn: null,
  releasedVnd: null,
  ...overrides,
});
const cluster = { id: 'c1', code: 'CCN-08-001', provinceCode: '08' };
const codeOf = (
  p: SupportProjectRow | null,
  linked: { clusterId: string; clusterCode: string } | null = null,
) => linkRefusal(cluster, 'x', p, linked)?.code ?? null;

describe('linkRefusal', () => {
  it('takes a registered content-7 project of the cluster’s unit, also one of a unit merged into it in 2025', () => {
    expect(codeOf(project())).toBeNull();
    const merged = predecessorsOf('08').find((code) => code !== '08');
    expect(merged).toBeDefined();
    expect(codeOf(project({ provinceCode: merged! }))).toBeNull();
    // Linked to this very cluster already: nothing to refuse (linking again changes nothing).
    expect(codeOf(project(), { clusterId: 'c1', clusterCode: 'CCN-08-001' })).toBeNull();
  });

  it('names the rule a project breaks', () => {
    expect(codeOf(null)).toBe('cluster-support.project-not-received');
    expect(codeOf(project({ registered: false }))).toBe('cluster-support.project-not-received');
    expect(codeOf(project({ activityContents: [3, 6] }))).toBe('cluster-support.not-content-7');
    expect(codeOf(project({ provinceCode: '01' }))).toBe('cluster-support.other-province');
    expect(codeOf(project(), { clusterId: 'c2', clusterCode: 'CCN-08-002' })).toBe(
      'cluster-support.linked-elsewhere',
    );
  });
});

describe('supportView', () => {
  const linked = (overrides: Partial<SupportProjectRow>): LinkedProjectRow => ({
    ...project(overrides),
    clusterId: 'c1',
    linkedBy: 'sct.08',
    linkedAt: new Date('2026-12-01T03:00:00Z'),
  });

  it('sums every amount exactly in integers, a missing amount adding nothing', () => {
    const view = supportView([
      linked({ kcqgVnd: 4_503_599_627_370_000, paidVnd: 1, settledVnd: 7 }),
      linked({ kcdpVnd: 987_654_321, paidVnd: 4_503_599_627_370_495, allocatedVnd: 5 }),
    ]);
    expect(view.totals).toEqual({
      projects: 2,
      kcqgVnd: 4_503_599_627_370_000,
      kcdpVnd: 987_654_321,
      appraisedSupportVnd: 0,
      allocatedVnd: 5,
      paidVnd: 4_503_599_627_370_496,
      settledVnd: 7,
      releasedVnd: 0,
    });
    expect(view.projects[0]).toMatchObject({
      statusLabel: 'Đang thực hiện',
      linkedAt: '2026-12-01T03:00:00.000Z',
    });
  });
});
