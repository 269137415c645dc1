import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEntry, AuditQuery } from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(AuditQuery) {}
class AuditListDto extends createZodDto(z.array(AuditEntry)) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ZodResponse({ type: AuditListDto })
  list(@CurrentActor() actor: RequestActor, @Query() query: AuditQueryDto) {
    return this.audit.list(actor, query);
  }
}
