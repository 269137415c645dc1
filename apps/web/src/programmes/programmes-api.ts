import type {
  OpenProgrammeBody,
  Programme,
  ProgrammeActionBody,
  SessionProgrammes,
  UpdateProgrammeActionBody,
} from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiRequestError, http } from '../api/http';

const key = (sessionId: string) => ['programmes', sessionId];

export const useSessionProgrammes = (sessionId: string) =>
  useQuery({
    queryKey: [...key(sessionId), 'overview'],
    queryFn: () => http.get<SessionProgrammes>(`/sessions/${sessionId}/programmes`),
  });

/** A branch's programme; `unitId` "mine" is the member's own branch (404 when it was not invited). */
export const useProgramme = (sessionId: string, unitId: string, enabled = true) =>
  useQuery({
    queryKey: [...key(sessionId), unitId],
    queryFn: () => http.get<Programme>(`/sessions/${sessionId}/programmes/${unitId}`),
    enabled,
    retry: (count, e) => !(e instanceof ApiRequestError && e.status < 500) && count < 2,
  });

/** Every change answers with the whole programme: keep it, and let the overview refetch. */
function useProgrammeChange<V>(sessionId: string, unitId: string, run: (v: V) => Promise<Programme>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (programme) => {
      queryClient.setQueryData([...key(sessionId), unitId], programme);
      await queryClient.invalidateQueries({ queryKey: [...key(sessionId), 'overview'] });
    },
  });
}

export const useAddAction = (sessionId: string, unitId: string) =>
  useProgrammeChange(sessionId, unitId, (body: ProgrammeActionBody) =>
    http.post<Programme>(`/sessions/${sessionId}/programmes/${unitId}/actions`, body),
  );

export const useUpdateAction = (sessionId: string, unitId: string) =>
  useProgrammeChange(sessionId, unitId, ({ id, ...body }: UpdateProgrammeActionBody & { id: string }) =>
    http.patch<Programme>(`/programme-actions/${id}`, body),
  );

export const useRemoveAction = (sessionId: string, unitId: string) =>
  useProgrammeChange(sessionId, unitId, ({ id, why }: { id: string; why?: string }) =>
    http.delete<Programme>(`/programme-actions/${id}${why ? `?why=${encodeURIComponent(why)}` : ''}`),
  );

export const useOpenProgramme = (sessionId: string, unitId: string) =>
  useProgrammeChange(sessionId, unitId, ({ id, ...body }: OpenProgrammeBody & { id: string }) =>
    http.post<Programme>(`/programmes/${id}/open`, body),
  );

export const useAdoptProgramme = (sessionId: string, unitId: string) =>
  useProgrammeChange(sessionId, unitId, (id: string) => http.post<Programme>(`/programmes/${id}/adopt`));

export const useCommentProgramme = (sessionId: string, unitId: string) =>
  useProgrammeChange(sessionId, unitId, ({ id, body }: { id: string; body: string }) =>
    http.post<Programme>(`/programmes/${id}/comments`, { body }),
  );
