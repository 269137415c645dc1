import type { StudySession } from '@hallbridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../api/http';

/** Sessions that are live now, checked every 20 s (a room screen waits for its session to start). */
export function useLiveSessions(enabled = true) {
  return useQuery({
    queryKey: ['sessions', 'live-now'],
    queryFn: () => http.get<StudySession[]>('/sessions?state=live'),
    refetchInterval: 20_000,
    refetchIntervalInBackground: true,
    enabled,
  });
}
