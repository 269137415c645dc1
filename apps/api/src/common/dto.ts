import { AuthResult, IdParam } from '@hallbridge/contracts';
import { createZodDto } from 'nestjs-zod';

export class IdParamDto extends createZodDto(IdParam) {}
export class AuthResultDto extends createZodDto(AuthResult) {}
