import type {
  CreateSessionBody,
  JoinLink,
  Material,
  SessionAction,
  SessionQuery,
  StudySession,
  TransitionBody,
  UpdateSessionBody,
} from '@hallbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './http';
import { toSearch } from './query-string';

export function useSessions(query: SessionQuery = {}) {
  return useQuery({
    queryKey: ['sessions', query],
    queryFn: () => http.get<StudySession[]>(`/sessions${toSearch(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string | undefined) {
  return useQuery({
    queryKey: ['session', id],
    queryFn: () => http.get<StudySession>(`/sessions/${id}`),
    enabled: !!id,
  });
}

export function useSessionActions(id: string, enabled = true) {
  return useQuery({
    queryKey: ['session', id, 'actions'],
    queryFn: () => http.get<SessionAction[]>(`/sessions/${id}/actions`),
    enabled,
  });
}

export function useJoinLinks(id: string, unitId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['session', id, 'join-links', unitId ?? null],
    queryFn: () => http.get<JoinLink[]>(`/sessions/${id}/join-links${toSearch({ unitId })}`),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** After any change to a session, its detail, its actions and every list that shows it are stale. */
function useSessionMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sessions'] }),
        queryClient.invalidateQueries({ queryKey: ['session'] }),
      ]);
    },
  });
}

export const useCreateSession = () =>
  useSessionMutation((body: CreateSessionBody) => http.post<StudySession>('/sessions', body));

export const useUpdateSession = () =>
  useSessionMutation(({ id, body }: { id: string; body: UpdateSessionBody }) =>
    http.patch<StudySession>(`/sessions/${id}`, body),
  );

export const useTransition = () =>
  useSessionMutation(({ id, body }: { id: string; body: TransitionBody }) =>
    http.post<StudySession>(`/sessions/${id}/transitions`, body),
  );

export const useUploadMaterial = () =>
  useSessionMutation(({ sessionId, file }: { sessionId: string; file: File }) =>
    http.upload<Material>(`/sessions/${sessionId}/materials`, file),
  );

export const useDeleteMaterial = () => useSessionMutation((id: string) => http.delete(`/materials/${id}`));
