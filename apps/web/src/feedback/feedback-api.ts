import type {
  FeedbackAnswersBody,
  FeedbackResults,
  FeedbackSurvey,
  FeedbackTemplate,
  FeedbackTemplateBody,
  OpenFeedbackBody,
  PresenterFeedback,
  SessionFeedback,
} from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiRequestError, http } from '../api/http';

const key = (sessionId: string) => ['feedback', sessionId];
const noRetryOn4xx = (count: number, e: unknown) =>
  !(e instanceof ApiRequestError && e.status > 0 && e.status < 500) && count < 2;

export const useSessionFeedback = (sessionId: string) =>
  useQuery({
    queryKey: key(sessionId),
    queryFn: () => http.get<SessionFeedback>(`/sessions/${sessionId}/feedback`),
  });

export const useFeedbackResults = (sessionId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...key(sessionId), 'results'],
    queryFn: () => http.get<FeedbackResults>(`/sessions/${sessionId}/feedback/results`),
    enabled,
    retry: noRetryOn4xx,
  });

export const useFeedbackTemplates = (enabled: boolean) =>
  useQuery({
    queryKey: ['feedback-templates'],
    queryFn: () => http.get<FeedbackTemplate[]>('/feedback/templates'),
    enabled,
  });

export const usePresenterFeedback = (userId: string) =>
  useQuery({
    queryKey: ['feedback-presenter', userId],
    queryFn: () => http.get<PresenterFeedback>(`/feedback/presenters/${userId}`),
  });

export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackTemplateBody) => http.post<FeedbackTemplate>('/feedback/templates', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['feedback-templates'] }),
  });
}

export function useOpenFeedback(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenFeedbackBody) => http.put<FeedbackSurvey>(`/sessions/${sessionId}/feedback`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(sessionId) }),
  });
}

export function useAnswerFeedback(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackAnswersBody) =>
      http.post<SessionFeedback>(`/sessions/${sessionId}/feedback/answers`, body),
    onSuccess: (data) => queryClient.setQueryData(key(sessionId), data),
  });
}
