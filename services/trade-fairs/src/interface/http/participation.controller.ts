import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ALL_ROLES, CENTRAL, Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  certifyDelegationRequest,
  certifyParticipantListRequest,
  chooseSubsidyPolicyRequest,
  contractDataQuery,
  type CertifyDelegationRequest,
  type CertifyParticipantListRequest,
  type ChooseSubsidyPolicyRequest,
  type ContractDataQuery,
  type Role,
} from '@kc/contracts';
import { validBody, validQuery } from '@kc/http';
import { ContractDataService } from '../../application/contract-data.service';
import { ParticipantListService } from '../../application/participant-list.service';
import { ParticipationService } from '../../application/participation.service';
import { SubsidyPoliciesService } from '../../application/subsidy-policies.service';
import { contractWorkbook, XLSX_CONTENT_TYPE } from '../../infrastructure/contract-workbook';

/** Who checks facilities in at the fair: its organiser (bound to it), or the agency. */
const CHECK_IN: readonly Role[] = [...CENTRAL, 'fair-organizer'];

/**
 * What follows allocation: the fair's subsidy policy, each province's certification of its delegation, the
 * host province's certification of the participant list, the check-in at the fair, and the booth contract data
 * of the payment dossier.
 */
@Controller('api/v1/fairs/:id')
export class ParticipationController {
  constructor(
    private readonly policies: SubsidyPoliciesService,
    private readonly participation: ParticipationService,
    private readonly participantList: ParticipantListService,
    private readonly contracts: ContractDataService,
  ) {}

  @Get('subsidy-policy')
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  policy(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.policies.ofFair(id);
  }

  @Post('subsidy-policy')
  @HttpCode(200)
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  choosePolicy(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(chooseSubsidyPolicyRequest)) body: ChooseSubsidyPolicyRequest,
  ) {
    return this.policies.choose(id, body);
  }

  @Post('registrations/:rid/certify')
  @HttpCode(200)
  @Permit({ roles: STAFF, scope: 'fairs:write' })
  certify(@Param('id', new ParseUUIDPipe()) id: string, @Param('rid', new ParseUUIDPipe()) rid: string) {
    return this.participation.certify(currentPrincipal(), id, rid);
  }

  @Post('certifications')
  @HttpCode(200)
  @Permit({ roles: STAFF, scope: 'fairs:write' })
  certifyDelegation(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(certifyDelegationRequest)) body: CertifyDelegationRequest,
  ) {
    return this.participation.certifyDelegation(currentPrincipal(), id, body.provinceCode);
  }

  /** The host province's department (or the agency) certifies the whole list: the payment evidence. */
  @Post('participant-list/certification')
  @HttpCode(200)
  @Permit({ roles: STAFF, scope: 'fairs:write' })
  certifyParticipantList(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(certifyParticipantListRequest)) body: CertifyParticipantListRequest,
  ) {
    return this.participantList.certify(currentPrincipal(), id, body);
  }

  @Post('registrations/:rid/check-in')
  @HttpCode(200)
  @Permit({ roles: CHECK_IN, scope: 'fairs:write' })
  checkIn(@Param('id', new ParseUUIDPipe()) id: string, @Param('rid', new ParseUUIDPipe()) rid: string) {
    return this.participation.checkIn(currentPrincipal(), id, rid);
  }

  @Get('contract-data')
  @Permit({ roles: STAFF, scope: 'fairs:read' })
  contractData(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query(validQuery(contractDataQuery)) query: ContractDataQuery,
  ) {
    return this.contracts.data(currentPrincipal(), id, query);
  }

  @Get('contract-data.xlsx')
  @Permit({ roles: STAFF, scope: 'fairs:read' })
  async contractSheet(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query(validQuery(contractDataQuery)) query: ContractDataQuery,
    @Res() res: Response,
  ): Promise<void> {
    const data = await this.contracts.data(currentPrincipal(), id, query);
    const suffix = data.provinceCode ? `-${data.provinceCode}` : '';
    res.setHeader('content-type', XLSX_CONTENT_TYPE);
    res.setHeader('content-disposition', `attachment; filename="hop-dong-gian-hang-${id}${suffix}.xlsx"`);
    res.send(await contractWorkbook(data));
  }
}
