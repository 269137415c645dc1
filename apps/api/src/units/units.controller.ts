import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateUnitBody, Unit, UpdateUnitBody } from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { UnitsService } from './units.service';

class CreateUnitDto extends createZodDto(CreateUnitBody) {}
class UpdateUnitDto extends createZodDto(UpdateUnitBody) {}
class UnitDto extends createZodDto(Unit) {}
class UnitListDto extends createZodDto(z.array(Unit)) {}

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ZodResponse({ type: UnitListDto })
  list(@CurrentActor() actor: RequestActor) {
    return this.units.list(actor);
  }

  @Post()
  @ZodResponse({ status: 201, type: UnitDto })
  create(@CurrentActor() actor: RequestActor, @Body() body: CreateUnitDto) {
    return this.units.create(actor, body);
  }

  @Patch(':id')
  @ZodResponse({ type: UnitDto })
  update(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: UpdateUnitDto) {
    return this.units.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.units.remove(actor, id);
  }
}
