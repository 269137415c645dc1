import type { Provider, Type } from '@nestjs/common';
import { EvaluationController } from './evaluation.controller';
import { EvaluationService } from './evaluation.service';

export const evaluationControllers: Type[] = [EvaluationController];
export const evaluationProviders: Provider[] = [EvaluationService];
