import type { MediaActionResult, MediaJoin, MediaParticipant, MediaSource } from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../api/http';

export const fetchMediaJoin = (sessionId: string) =>
  http.post<MediaJoin>(`/sessions/${sessionId}/media/token`);

const participantsKey = (sessionId: string) => ['media', sessionId, 'participants'];

/** Who is in the media room, for the console (refreshed every few seconds while shown). */
export function useMediaParticipants(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: participantsKey(sessionId),
    queryFn: () => http.get<MediaParticipant[]>(`/sessions/${sessionId}/media/participants`),
    enabled,
    refetchInterval: 5000,
  });
}

function useMediaAction<V>(sessionId: string, fn: (vars: V) => Promise<MediaActionResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: participantsKey(sessionId) }),
  });
}

export const useMuteParticipant = (sessionId: string) =>
  useMediaAction(sessionId, (body: { identity: string; sources?: MediaSource[] }) =>
    http.post<MediaActionResult>(`/sessions/${sessionId}/media/mute`, body),
  );

export const useMuteAll = (sessionId: string) =>
  useMediaAction(sessionId, (body: { sources?: MediaSource[] }) =>
    http.post<MediaActionResult>(`/sessions/${sessionId}/media/mute-all`, body),
  );

export const useRemoveParticipant = (sessionId: string) =>
  useMediaAction(sessionId, (identity: string) =>
    http.post<MediaActionResult>(`/sessions/${sessionId}/media/remove`, { identity }),
  );
