import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { clusterRoutes as routes, type RouteInput, XLSX_MEDIA_TYPE } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ClusterExportService } from '../../application/cluster-export.service';
import { ClusterImportService } from '../../application/cluster-import.service';
import { ClustersService } from '../../application/clusters.service';

/** The cluster registry: records, lifecycle steps, tenants, and the province's list in and out of Excel. */
@Controller()
export class ClustersController {
  constructor(
    private readonly clusters: ClustersService,
    private readonly imports: ClusterImportService,
    private readonly exports: ClusterExportService,
  ) {}

  @Route(routes.register)
  register(@Input() { body }: RouteInput<typeof routes.register>) {
    return this.clusters.register(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>) {
    return this.clusters.list(currentPrincipal(), query);
  }

  @Route(routes.import)
  import(@Input() { body }: RouteInput<typeof routes.import>) {
    return this.imports.import(currentPrincipal(), body);
  }

  @Route(routes.export)
  async export(@Input() { query }: RouteInput<typeof routes.export>, @Res() res: Response) {
    const file = await this.exports.workbook(currentPrincipal(), query);
    res.setHeader('content-type', XLSX_MEDIA_TYPE);
    res.setHeader('content-disposition', 'attachment; filename="danh-sach-cum-cong-nghiep.xlsx"');
    res.send(file);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>) {
    return this.clusters.get(currentPrincipal(), params.id);
  }

  @Route(routes.update)
  update(@Input() { params, body }: RouteInput<typeof routes.update>) {
    return this.clusters.update(currentPrincipal(), params.id, body);
  }

  @Route(routes.takeStep)
  takeStep(@Input() { params, body }: RouteInput<typeof routes.takeStep>) {
    return this.clusters.takeStep(currentPrincipal(), params.id, body);
  }

  @Route(routes.addTenant)
  addTenant(@Input() { params, body }: RouteInput<typeof routes.addTenant>) {
    return this.clusters.addTenant(currentPrincipal(), params.id, body);
  }

  @Route(routes.updateTenant)
  updateTenant(@Input() { params, body }: RouteInput<typeof routes.updateTenant>) {
    return this.clusters.updateTenant(currentPrincipal(), params.id, params.tenantId, body);
  }

  @Route(routes.removeTenant)
  removeTenant(@Input() { params, query }: RouteInput<typeof routes.removeTenant>) {
    return this.clusters.removeTenant(currentPrincipal(), params.id, params.tenantId, query.expectedRevision);
  }
}
