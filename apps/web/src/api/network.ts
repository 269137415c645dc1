import type { NetworkInfo } from '@hallbridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { http } from './http';

/** How this install is reached and the local CA to trust (public: the first-run page reads it). */
export function useNetworkInfo() {
  return useQuery({
    queryKey: ['network'],
    queryFn: () => http.get<NetworkInfo>('/network'),
    staleTime: 60_000,
  });
}
