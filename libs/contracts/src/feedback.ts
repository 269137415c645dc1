import { z } from 'zod';
import { cleanString, Id, IsoDateTime, Key, Text } from './common';

export const FeedbackQuestionKind = z.enum(['rating', 'text']);

export const FeedbackQuestion = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,32}$/),
    kind: FeedbackQuestionKind,
    text: Text(300),
    /** Asked once for each presenter of the session. */
    perPresenter: z.boolean().default(false),
  })
  .meta({ id: 'FeedbackQuestion' });
export type FeedbackQuestion = z.infer<typeof FeedbackQuestion>;

export const FeedbackTemplate = z
  .object({
    id: Id,
    unitId: Id,
    name: z.string(),
    questions: z.array(FeedbackQuestion),
    archived: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FeedbackTemplate' });
export type FeedbackTemplate = z.infer<typeof FeedbackTemplate>;

export const FeedbackTemplateBody = z
  .object({
    name: Text(200),
    /** The unit the template belongs to (the organiser's own by default); its whole subtree may use it. */
    unitId: Id.optional(),
    questions: z
      .array(FeedbackQuestion)
      .min(1)
      .max(20)
      .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'question ids must differ'),
  })
  .meta({ id: 'FeedbackTemplateBody' });
export type FeedbackTemplateBody = z.infer<typeof FeedbackTemplateBody>;

export const UpdateFeedbackTemplateBody = z
  .object({
    name: Text(200).optional(),
    questions: FeedbackTemplateBody.shape.questions.optional(),
    archived: z.boolean().optional(),
  })
  .meta({ id: 'UpdateFeedbackTemplateBody' });
export type UpdateFeedbackTemplateBody = z.infer<typeof UpdateFeedbackTemplateBody>;

export const OpenFeedbackBody = z
  .object({ templateId: Id, closesAt: IsoDateTime })
  .meta({ id: 'OpenFeedbackBody' });
export type OpenFeedbackBody = z.infer<typeof OpenFeedbackBody>;

export const FeedbackPresenter = z.object({ userId: Id, displayName: z.string() });

export const FeedbackSurvey = z
  .object({
    sessionId: Id,
    templateName: z.string(),
    questions: z.array(FeedbackQuestion),
    presenters: z.array(FeedbackPresenter),
    opensAt: z.string(),
    closesAt: z.string(),
    open: z.boolean(),
  })
  .meta({ id: 'FeedbackSurvey' });
export type FeedbackSurvey = z.infer<typeof FeedbackSurvey>;

export const SessionFeedback = z
  .object({
    survey: FeedbackSurvey.nullable(),
    /** The signed-in member has answered (only that is known: never what). */
    answered: z.boolean(),
  })
  .meta({ id: 'SessionFeedback' });
export type SessionFeedback = z.infer<typeof SessionFeedback>;

/** question id → a rating 1..5 or a text; for questions asked per presenter, presenter id → that. */
export const FeedbackAnswersBody = z
  .object({
    answers: z.record(
      Key(32),
      z.union([
        z.number().int(),
        cleanString({ multiline: true }).max(2000),
        z.record(Key(64), z.union([z.number().int(), cleanString({ multiline: true }).max(2000)])),
      ]),
    ),
  })
  .meta({ id: 'FeedbackAnswersBody' });
export type FeedbackAnswersBody = z.infer<typeof FeedbackAnswersBody>;

export const RatingTally = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  distribution: z.array(z.number().int()),
});

export const FeedbackQuestionResult = z
  .object({
    questionId: z.string(),
    text: z.string(),
    kind: FeedbackQuestionKind,
    presenterId: Id.nullable(),
    presenterName: z.string().nullable(),
    rating: RatingTally.nullable(),
    texts: z.array(z.string()),
  })
  .meta({ id: 'FeedbackQuestionResult' });
export type FeedbackQuestionResult = z.infer<typeof FeedbackQuestionResult>;

export const FeedbackResults = z
  .object({
    sessionId: Id,
    title: z.string(),
    responses: z.number().int(),
    /** Fewer answers than this keep the results hidden, so no single answer can be told apart. */
    minimumShown: z.number().int(),
    hidden: z.boolean(),
    questions: z.array(FeedbackQuestionResult),
  })
  .meta({ id: 'FeedbackResults' });
export type FeedbackResults = z.infer<typeof FeedbackResults>;

/** A presenter's ratings across the sessions they presented (those with enough answers). */
export const PresenterFeedback = z
  .object({
    userId: Id,
    displayName: z.string(),
    sessions: z.array(
      z.object({
        sessionId: Id,
        title: z.string(),
        startsAt: z.string(),
        responses: z.number().int(),
        questions: z.array(FeedbackQuestionResult),
      }),
    ),
  })
  .meta({ id: 'PresenterFeedback' });
export type PresenterFeedback = z.infer<typeof PresenterFeedback>;
