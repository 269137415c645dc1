import type { Provider, Type } from '@nestjs/common';
import { NetworkController } from './network.controller';
import { NetworkService } from './network.service';

export const networkControllers: Type[] = [NetworkController];
export const networkProviders: Provider[] = [NetworkService];
