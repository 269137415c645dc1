import type { Provider, Type } from '@nestjs/common';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';

export const feedbackControllers: Type[] = [FeedbackController];
export const feedbackProviders: Provider[] = [FeedbackService];
