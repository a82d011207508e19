import { randomUUID } from 'node:crypto';
import {
  assignmentDecidedV1,
  planCreatedV1,
  registrationSubmittedV1,
  type PayloadOf,
  type Principal,
  type ProjectView,
} from '@kc/contracts';
import { bootService, useServiceContext, type ServiceContext } from '@kc/service-testing';
import { central, officer } from '@kc/testing';
import { ProjectsModule } from '../../src/app.module';
import { projectsEnvSchema } from '../../src/config/projects.config';
import {
  appraisal,
  assignmentDecided,
  deliverPlanEvent,
  draftBody,
  registrationSubmitted,
  type PlanEvent,
} from './projects-harness';

export interface ProjectsContextOptions {
  /** Plans announced (planCreated) once the service is up: the plans its projects go into. */
  plans?: PayloadOf<typeof planCreatedV1>[];
  /** Extra environment, read at boot (e.g. PLANS_URL of a stand-in started in an earlier beforeAll). */
  env?: () => Record<string, string>;
}

/** The contract a project is put in `contracted` with (see contractedProject). */
export interface ContractGiven {
  mode: 'contract' | 'task-assignment';
  number: string;
  signedOn: string;
  parties: string[];
}

function projectsGivens(context: ServiceContext) {
  const { as, db } = context;
  const deliver = <D extends PlanEvent>(definition: D, payload: PayloadOf<D>, id?: string) =>
    deliverPlanEvent(context.service, definition, payload, id);
  return {
    /** Delivers a plans event through the service's own handler (see deliverPlanEvent). */
    deliver,

    /** A draft from `draftBody(planId, overrides)`, created by `by` (Nghệ An's department unless told). */
    async createProject(
      planId: string,
      overrides: Record<string, unknown> = {},
      by: Principal = officer('40'),
    ): Promise<ProjectView> {
      const reply = await as(by).post<ProjectView>('/api/v1/projects', draftBody(planId, overrides));
      expect(reply.status).toBe(201);
      return reply.body;
    },

    /**
     * A registered project of province 40 taken into its plan with `allocatedVnd`: base-appraised by the
     * province, listed in plans' registration report, appraised by the plan's owner, then allocated by plans.
     */
    async toInPlan(project: ProjectView, allocatedVnd: number): Promise<void> {
      const province = officer(project.provinceCode);
      const owner = project.planLevel === 'national' ? central : province;
      const step = (by: Principal, name: string, body: unknown) =>
        as(by).post(`/api/v1/projects/${project.id}/${name}`, body);
      expect((await step(province, 'base-appraisal', appraisal())).status).toBe(200);
      const plan = { planId: project.planId, planYear: project.planYear };
      await deliver(registrationSubmittedV1, registrationSubmitted({ ...plan, projectIds: [project.id] }));
      const appraised = await step(
        owner,
        'ministry-appraisal',
        appraisal('passed', { appraisedSupportVnd: allocatedVnd }),
      );
      expect(appraised.status).toBe(200);
      await deliver(
        assignmentDecidedV1,
        assignmentDecided({
          ...plan,
          number: `${randomUUID().slice(0, 4)}/QĐ-BCT`,
          allocations: [
            { projectId: project.id, fundingSource: project.fundingSource, amountVnd: allocatedVnd },
          ],
        }),
      );
      const [row] = await db.rows(`SELECT status FROM project WHERE id = $1`, [project.id]);
      expect(row.status).toBe('in-plan');
    },

    /**
     * A project of province 40 created and registered by the agency, then put in `contracted` with SQL (its
     * appraised, allocated and contract value all its requested KCQG support), standing for the steps owned by
     * other flows: the appraisals, the plans decision, the contract. Its id.
     */
    async contractedProject(
      planId: string,
      project: {
        title: string;
        activityContents: number[];
        kcqgVnd: number;
        counterpartVnd: number;
        advanceCategory: string;
      },
      contract: ContractGiven,
    ): Promise<string> {
      const created = await as(central).post<ProjectView>('/api/v1/projects', {
        planId,
        kind: 'ordinary',
        implementingUnit: 'Trung tâm Khuyến công Nghệ An',
        provinceCode: '40',
        startDate: '2026-02-01',
        endDate: '2026-11-30',
        kcdpVnd: 0,
        otherVnd: 0,
        procurementMode: 'selection',
        ...project,
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await as(central).post(`/api/v1/projects/${id}/register`)).status).toBe(200);
      await db.query(
        `UPDATE project SET status = 'contracted', appraised_support_vnd = $2, allocated_support_vnd = $2,
                contract_mode = $3, contract_number = $4, contract_signed_on = $5, contract_parties = $6,
                contract_value_vnd = $2
          WHERE id = $1`,
        [id, project.kcqgVnd, contract.mode, contract.number, contract.signedOn, contract.parties],
      );
      return id;
    },
  };
}

/** The projects service booted for the describe it is called in, its database, callers and givens. */
export const useProjectsContext = (database: string, options: ProjectsContextOptions = {}) =>
  useServiceContext(async () => {
    const service = await bootService(
      {
        service: 'projects',
        envSchema: projectsEnvSchema,
        module: (config) => ProjectsModule.forRoot(config),
        env: options.env?.(),
      },
      database,
    );
    for (const plan of options.plans ?? []) await deliverPlanEvent(service, planCreatedV1, plan);
    return service;
  }, projectsGivens);
