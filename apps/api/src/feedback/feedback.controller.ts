import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  FeedbackAnswersBody,
  FeedbackResults,
  FeedbackSurvey,
  FeedbackTemplate,
  FeedbackTemplateBody,
  OpenFeedbackBody,
  PresenterFeedback,
  SessionFeedback,
  UpdateFeedbackTemplateBody,
} from '@hallbridge/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { RequestActor } from '../auth/request-actor';
import { IdParamDto } from '../common/dto';
import { FeedbackService } from './feedback.service';

class TemplateDto extends createZodDto(FeedbackTemplate) {}
class TemplateListDto extends createZodDto(z.array(FeedbackTemplate)) {}
class TemplateBodyDto extends createZodDto(FeedbackTemplateBody) {}
class UpdateTemplateDto extends createZodDto(UpdateFeedbackTemplateBody) {}
class OpenSurveyDto extends createZodDto(OpenFeedbackBody) {}
class SurveyDto extends createZodDto(FeedbackSurvey) {}
class SessionFeedbackDto extends createZodDto(SessionFeedback) {}
class AnswersDto extends createZodDto(FeedbackAnswersBody) {}
class ResultsDto extends createZodDto(FeedbackResults) {}
class PresenterDto extends createZodDto(PresenterFeedback) {}

@ApiTags('feedback')
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get('feedback/templates')
  @ZodResponse({ type: TemplateListDto })
  templates(@CurrentActor() actor: RequestActor) {
    return this.feedback.templates(actor);
  }

  @Post('feedback/templates')
  @ZodResponse({ status: 201, type: TemplateDto })
  create(@CurrentActor() actor: RequestActor, @Body() body: TemplateBodyDto) {
    return this.feedback.createTemplate(actor, body);
  }

  @Patch('feedback/templates/:id')
  @ZodResponse({ type: TemplateDto })
  update(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: UpdateTemplateDto) {
    return this.feedback.updateTemplate(actor, id, body);
  }

  /** A presenter's ratings across sessions (organisers). */
  @Get('feedback/presenters/:id')
  @ZodResponse({ type: PresenterDto })
  presenter(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.feedback.presenter(actor, id);
  }

  @Get('sessions/:id/feedback')
  @ZodResponse({ type: SessionFeedbackDto })
  get(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.feedback.get(actor, id);
  }

  @Put('sessions/:id/feedback')
  @ZodResponse({ type: SurveyDto })
  open(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: OpenSurveyDto) {
    return this.feedback.open(actor, id, body);
  }

  /** A member's anonymous answer, once. */
  @Post('sessions/:id/feedback/answers')
  @ZodResponse({ status: 201, type: SessionFeedbackDto })
  answer(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto, @Body() body: AnswersDto) {
    return this.feedback.answer(actor, id, body);
  }

  @Get('sessions/:id/feedback/results')
  @ZodResponse({ type: ResultsDto })
  results(@CurrentActor() actor: RequestActor, @Param() { id }: IdParamDto) {
    return this.feedback.results(actor, id);
  }
}
