import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { NetworkInfo } from '@hallbridge/contracts';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../auth/public.decorator';
import { sendFile } from '../common/downloads';
import { NetworkService } from './network.service';

class NetworkInfoDto extends createZodDto(NetworkInfo) {}

/** Public: a phone that does not trust the local CA yet must be able to fetch it. */
@ApiTags('network')
@Controller('network')
export class NetworkController {
  constructor(private readonly network: NetworkService) {}

  @Public()
  @Get()
  @ZodResponse({ type: NetworkInfoDto })
  info() {
    return this.network.info();
  }

  /** The local CA's root certificate; Android, iOS and Windows install it from this download. */
  @Public()
  @Get('ca.crt')
  @ApiProduces('application/x-x509-ca-cert')
  async caCertificate(@Res() res: Response): Promise<void> {
    await sendFile(res, 'hallbridge-ca.crt', 'application/x-x509-ca-cert', this.network.caCertificate());
  }
}
