import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '@kc/auth';
import {
  listProvincesQuery,
  noReferenceQuery,
  provinceParams,
  provinceQuery,
  regionsQuery,
  type ListProvincesQuery,
  type ProvinceParams,
} from '@kc/contracts';
import { validParams, validQuery } from '@kc/http';
import { ReferenceService } from '../../application/reference.service';
import { ApiZodQuery } from './openapi';

/** Served by the gateway itself: the reference data is a library, not a service. */
@ApiTags('Danh mục / Reference data')
@Controller('api/v1/reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('provinces')
  @ApiOperation({
    summary: 'Đơn vị hành chính cấp tỉnh / Provincial units in force on a date',
    description: 'asOf defaults to today in Asia/Ho_Chi_Minh. Units that have ended carry successorCode.',
  })
  @ApiZodQuery(listProvincesQuery)
  @Public()
  provinces(@Query(validQuery(listProvincesQuery)) query: ListProvincesQuery) {
    return this.reference.provinces(query.asOf);
  }

  @Get('provinces/:code')
  @ApiOperation({
    summary: 'Một đơn vị hành chính cấp tỉnh / One provincial unit with its lineage',
    description:
      'The unit the code names on asOf (default: today in Asia/Ho_Chi_Minh): names with diacritics, region, ' +
      'validFrom/validTo and the units merged into it (predecessors). A code whose unit had ended by asOf ' +
      '(30 Hải Dương after 2025-06-30) answers that unit as it last stood, inForce false, with successorCode ' +
      '(31 Hải Phòng); a code that had named no unit by asOf answers 404 reference.province-not-found.',
  })
  @ApiParam({ name: 'code', schema: { type: 'string', pattern: '^\\d{2}$' } })
  @ApiZodQuery(provinceQuery)
  @Public()
  province(
    @Param(validParams(provinceParams)) params: ProvinceParams,
    @Query(validQuery(provinceQuery)) query: ListProvincesQuery,
  ) {
    return this.reference.province(params.code, query.asOf);
  }

  @Get('regions')
  @ApiOperation({
    summary: 'Vùng khuyến công / The three regions with their units on a date',
    description:
      'asOf defaults to today in Asia/Ho_Chi_Minh; before 2025-07-01 the regions hold the 63 units.',
  })
  @ApiZodQuery(regionsQuery)
  @Public()
  regions(@Query(validQuery(regionsQuery)) query: ListProvincesQuery) {
    return this.reference.regions(query.asOf);
  }

  @Get('activity-contents')
  @ApiOperation({ summary: 'Nội dung hoạt động khuyến công / The nine activity contents' })
  @Public()
  activityContents(@Query(validQuery(noReferenceQuery)) _query: unknown) {
    return this.reference.activityContents();
  }
}
