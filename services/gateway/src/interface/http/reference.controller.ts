import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@kc/auth';
import { listProvincesQuery, noReferenceQuery, type ListProvincesQuery } from '@kc/contracts';
import { validQuery } from '@kc/http';
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

  @Get('regions')
  @ApiOperation({ summary: 'Vùng khuyến công / The three regions with their units today' })
  @Public()
  regions(@Query(validQuery(noReferenceQuery)) _query: unknown) {
    return this.reference.regions();
  }

  @Get('activity-contents')
  @ApiOperation({ summary: 'Nội dung hoạt động khuyến công / The nine activity contents' })
  @Public()
  activityContents(@Query(validQuery(noReferenceQuery)) _query: unknown) {
    return this.reference.activityContents();
  }
}
