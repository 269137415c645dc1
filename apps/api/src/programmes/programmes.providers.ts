import type { Provider, Type } from '@nestjs/common';
import { ProgrammeExportsService } from './programme-exports.service';
import { ProgrammesController, SessionProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

export const programmesControllers: Type[] = [SessionProgrammesController, ProgrammesController];
export const programmesProviders: Provider[] = [ProgrammesService, ProgrammeExportsService];
