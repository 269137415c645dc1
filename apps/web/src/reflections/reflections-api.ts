import type {
  MyReflection,
  Reflection,
  ReflectionCall,
  ReflectionForReview,
  ReflectionSettings,
  ReflectionSettingsBody,
  ReviewReflectionBody,
  SessionReflections,
} from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiRequestError, http } from '../api/http';
import { SyncError, type SyncTransport } from './reflection-sync';

const base = (sessionId: string) => `/sessions/${sessionId}/reflections`;

export const useReflectionCall = (sessionId: string) =>
  useQuery({
    queryKey: ['reflections', sessionId, 'call'],
    queryFn: () => http.get<ReflectionCall>(`${base(sessionId)}/settings`),
  });

export const fetchMyReflection = (sessionId: string) => http.get<MyReflection>(`${base(sessionId)}/mine`);

export const useMyReflection = (sessionId: string, enabled = true) =>
  useQuery({
    queryKey: ['reflections', sessionId, 'mine'],
    queryFn: () => fetchMyReflection(sessionId),
    enabled,
    // The editor owns the text once loaded; refetching would only fight it.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useSessionReflections = (sessionId: string) =>
  useQuery({
    queryKey: ['reflections', sessionId, 'list'],
    queryFn: () => http.get<SessionReflections>(base(sessionId)),
  });

export const useReflectionForReview = (id: string) =>
  useQuery({
    queryKey: ['reflection', id],
    queryFn: () => http.get<ReflectionForReview>(`/reflections/${id}`),
  });

export function useSaveSettings(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReflectionSettingsBody) =>
      http.put<ReflectionSettings>(`${base(sessionId)}/settings`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reflections', sessionId] }),
  });
}

export function useReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewReflectionBody) =>
      http.post<ReflectionForReview>(`/reflections/${id}/review`, body),
    onSuccess: async (data) => {
      queryClient.setQueryData(['reflection', id], data);
      await queryClient.invalidateQueries({ queryKey: ['reflections', data.sessionId] });
    },
  });
}

export const submitReflection = (sessionId: string, version: number) =>
  http.post<Reflection>(`${base(sessionId)}/mine/submit`, { version });

export const attachToReflection = (sessionId: string, file: File) =>
  http.upload<Reflection>(`${base(sessionId)}/mine/attachment`, file);

export const detachFromReflection = (sessionId: string) => http.delete(`${base(sessionId)}/mine/attachment`);

/** Autosave through the API: no connection, a stale version and a refusal are told apart. */
export function reflectionTransport(sessionId: string): SyncTransport {
  return {
    async save(body, baseVersion) {
      try {
        return await http.put<Reflection>(`${base(sessionId)}/mine`, { body, baseVersion });
      } catch (e) {
        if (e instanceof ApiRequestError && e.status === 0) throw new SyncError('offline', e);
        if (e instanceof ApiRequestError && (e.details as { reason?: string })?.reason === 'stale_version')
          throw new SyncError('stale', e);
        if (e instanceof ApiRequestError && e.status >= 500) throw new SyncError('offline', e);
        throw new SyncError('refused', e);
      }
    },
  };
}
