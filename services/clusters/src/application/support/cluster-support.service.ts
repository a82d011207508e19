import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { maySee } from '@kc/auth';
import type { ClusterSupportView, LinkSupportProjectRequest, Principal } from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { clusterFacts } from '../../infrastructure/persistence/reports/cluster-facts';
import {
  deleteLink,
  insertLink,
  linkOf,
  supportProject,
} from '../../infrastructure/persistence/support/support-projects';
import { clusterNotFound } from '../cluster-store';
import { clusterSupport } from './cluster-support-view';
import { linkedElsewhere, linkRefusal } from './support-rules';

/** Postgres' unique_violation: another link of the same project won the race. */
const UNIQUE_VIOLATION = '23505';

/**
 * Support received by a cluster: links content-7 projects of the projects service (as this service knows them
 * from the projects events) to a cluster. The cluster's department or the agency links and unlinks; another
 * province's cluster answers like a missing one.
 */
@Injectable()
export class ClusterSupportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  private async visibleCluster(manager: EntityManager, principal: Principal, id: string) {
    const cluster = await clusterFacts(manager, id);
    if (!cluster || !maySee(principal, cluster.provinceCode)) throw clusterNotFound(id);
    return cluster;
  }

  async list(principal: Principal, clusterId: string): Promise<ClusterSupportView> {
    const manager = this.dataSource.manager;
    await this.visibleCluster(manager, principal, clusterId);
    return clusterSupport(manager, clusterId);
  }

  /** Linking the same project to the same cluster again changes nothing. */
  async link(
    principal: Principal,
    clusterId: string,
    request: LinkSupportProjectRequest,
  ): Promise<ClusterSupportView> {
    return this.dataSource.transaction(async (manager) => {
      const cluster = await this.visibleCluster(manager, principal, clusterId);
      // The project's row locked: concurrent links of one project queue; the primary key settles the rest.
      const project = await supportProject(manager, request.projectId, true);
      const linkedTo = project ? await linkOf(manager, request.projectId) : null;
      const refusal = linkRefusal(cluster, request.projectId, project, linkedTo);
      if (refusal) throw refusal;
      if (!linkedTo) {
        try {
          await insertLink(manager, {
            projectId: request.projectId,
            clusterId,
            linkedBy: principal.name,
            linkedAt: new Date(),
          });
        } catch (error) {
          const e = error as { code?: string; driverError?: { code?: string } };
          if ((e.driverError?.code ?? e.code) === UNIQUE_VIOLATION)
            throw linkedElsewhere(project?.code ?? request.projectId, null);
          throw error;
        }
        await this.outbox.audit(manager, {
          action: 'cluster.link-support',
          resourceType: 'cluster',
          resourceId: clusterId,
          provinceCode: cluster.provinceCode,
          summary: `Gắn đề án ${project?.code} (nội dung 7) vào cụm công nghiệp ${cluster.code}`,
        });
      }
      return clusterSupport(manager, clusterId);
    });
  }

  async unlink(principal: Principal, clusterId: string, projectId: string): Promise<ClusterSupportView> {
    return this.dataSource.transaction(async (manager) => {
      const cluster = await this.visibleCluster(manager, principal, clusterId);
      const project = await supportProject(manager, projectId);
      if (!(await deleteLink(manager, clusterId, projectId)))
        throw new NotFoundError(
          {
            vi: `Đề án ${project?.code ?? projectId} không gắn với cụm công nghiệp ${cluster.code}`,
            en: `Project ${project?.code ?? projectId} is not linked to cluster ${cluster.code}`,
          },
          'cluster-support.not-linked',
          'projectId',
        );
      await this.outbox.audit(manager, {
        action: 'cluster.unlink-support',
        resourceType: 'cluster',
        resourceId: clusterId,
        provinceCode: cluster.provinceCode,
        summary: `Bỏ gắn đề án ${project?.code ?? projectId} khỏi cụm công nghiệp ${cluster.code}`,
      });
      return clusterSupport(manager, clusterId);
    });
  }
}
