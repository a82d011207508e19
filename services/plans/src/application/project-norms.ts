import type { EntityManager } from 'typeorm';
import {
  checkSupport,
  requireNormInForce,
  type NormAllowance,
  type NormVersion,
} from '../domain/funding-norm';
import type { ProjectRef } from '../domain/project-ref';
import type { FundingNormsService } from './funding-norms.service';

interface PlanScope {
  level: 'national' | 'provincial';
  provinceCode: string | null;
}

/**
 * The most each project's funding norm allows for its cost and units (with the norm version, to name it), by the norm version governing the
 * project's start date (null for a project that names no norm): for a provincial plan's projects
 * (`provinceCode` of that plan) the province's own version where it has one, for the national plan's the
 * national one. `fieldOf` names the request field to blame.
 */
export async function normAllowances(
  norms: FundingNormsService,
  manager: EntityManager,
  plan: PlanScope,
  projects: readonly ProjectRef[],
  fieldOf: (project: ProjectRef) => string,
): Promise<Map<string, NormAllowance | null>> {
  const codes = [...new Set(projects.flatMap((p) => (p.normCode ? [p.normCode] : [])))];
  const versions = await norms.versionsOf(manager, codes, scopeOf(plan));
  return allowancesFrom(versions, plan, projects, fieldOf);
}

/** `normAllowances` from versions already read: those of the projects' norm codes in the plan's scope. */
export function allowancesFrom(
  versions: readonly NormVersion[],
  plan: PlanScope,
  projects: readonly ProjectRef[],
  fieldOf: (project: ProjectRef) => string,
): Map<string, NormAllowance | null> {
  const provinceCode = scopeOf(plan);
  const allowances = new Map<string, NormAllowance | null>();
  for (const project of projects) {
    if (!project.normCode) {
      allowances.set(project.projectId, null);
      continue;
    }
    const norm = requireNormInForce(
      project.normCode,
      versions.filter((v) => v.code === project.normCode),
      provinceCode,
      project.startDate,
      fieldOf(project),
    );
    const { maxSupportVnd } = checkSupport(norm, {
      costVnd: project.totalCostVnd,
      supportVnd: 0,
      units: project.normUnits ?? 1,
      priority: false,
    });
    const { code, version, nameVi, nameEn, legalBasis } = norm;
    allowances.set(project.projectId, {
      maxSupportVnd,
      code,
      version,
      nameVi,
      nameEn,
      legalBasis,
      provinceCode: norm.provinceCode,
    });
  }
  return allowances;
}

/** The province whose own norms govern the plan's projects (null: the national ones only). */
const scopeOf = (plan: PlanScope) => (plan.level === 'provincial' ? plan.provinceCode : null);
