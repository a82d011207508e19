import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { tradeFairRoutes as routes, type RouteInput, XLSX_MEDIA_TYPE, type RouteAnswer } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ContractDataService } from '../../application/contract-data.service';
import { ParticipantListService } from '../../application/participant-list.service';
import { ParticipationService } from '../../application/participation.service';
import { SubsidyPoliciesService } from '../../application/subsidy-policies.service';
import { contractWorkbook } from '../../infrastructure/contract-workbook';

/**
 * What follows allocation: the fair's subsidy policy, each province's certification of its delegation, the
 * host province's certification of the participant list, the check-in at the fair, and the booth contract data
 * of the payment dossier.
 */
@Controller()
export class ParticipationController {
  constructor(
    private readonly policies: SubsidyPoliciesService,
    private readonly participation: ParticipationService,
    private readonly participantList: ParticipantListService,
    private readonly contracts: ContractDataService,
  ) {}

  @Route(routes.subsidyPolicy)
  policy(
    @Input() { params }: RouteInput<typeof routes.subsidyPolicy>,
  ): RouteAnswer<typeof routes.subsidyPolicy> {
    return this.policies.ofFair(params.id);
  }

  @Route(routes.chooseSubsidyPolicy)
  choosePolicy(
    @Input() { params, body }: RouteInput<typeof routes.chooseSubsidyPolicy>,
  ): RouteAnswer<typeof routes.chooseSubsidyPolicy> {
    return this.policies.choose(params.id, body);
  }

  @Route(routes.certify)
  certify(@Input() { params }: RouteInput<typeof routes.certify>): RouteAnswer<typeof routes.certify> {
    return this.participation.certify(currentPrincipal(), params.id, params.rid);
  }

  @Route(routes.certifyDelegation)
  certifyDelegation(
    @Input() { params, body }: RouteInput<typeof routes.certifyDelegation>,
  ): RouteAnswer<typeof routes.certifyDelegation> {
    return this.participation.certifyDelegation(currentPrincipal(), params.id, body.provinceCode);
  }

  /** The host province's department (or the agency) certifies the whole list: the payment evidence. */
  @Route(routes.certifyParticipantList)
  certifyParticipantList(
    @Input() { params, body }: RouteInput<typeof routes.certifyParticipantList>,
  ): RouteAnswer<typeof routes.certifyParticipantList> {
    return this.participantList.certify(currentPrincipal(), params.id, body);
  }

  /** By the fair's organiser (bound to it) or the agency. */
  @Route(routes.checkIn)
  checkIn(@Input() { params }: RouteInput<typeof routes.checkIn>): RouteAnswer<typeof routes.checkIn> {
    return this.participation.checkIn(currentPrincipal(), params.id, params.rid);
  }

  @Route(routes.contractData)
  contractData(
    @Input() { params, query }: RouteInput<typeof routes.contractData>,
  ): RouteAnswer<typeof routes.contractData> {
    return this.contracts.data(currentPrincipal(), params.id, query);
  }

  @Route(routes.contractSheet)
  async contractSheet(
    @Input() { params, query }: RouteInput<typeof routes.contractSheet>,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.contracts.data(currentPrincipal(), params.id, query);
    const suffix = data.provinceCode ? `-${data.provinceCode}` : '';
    res.setHeader('content-type', XLSX_MEDIA_TYPE);
    res.setHeader(
      'content-disposition',
      `attachment; filename="hop-dong-gian-hang-${params.id}${suffix}.xlsx"`,
    );
    res.send(await contractWorkbook(data));
  }
}
