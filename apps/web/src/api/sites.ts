import type { CreateSiteBody, Site, UpdateSiteBody } from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './http';

export function useSites() {
  return useQuery({ queryKey: ['sites'], queryFn: () => http.get<Site[]>('/sites') });
}

function useSiteMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sites'] }),
  });
}

export const useCreateSite = () => useSiteMutation((body: CreateSiteBody) => http.post<Site>('/sites', body));

export const useUpdateSite = () =>
  useSiteMutation(({ id, body }: { id: string; body: UpdateSiteBody }) =>
    http.patch<Site>(`/sites/${id}`, body),
  );

export const useNewPairingCode = () =>
  useSiteMutation((id: string) => http.post<Site>(`/sites/${id}/pairing-code`));

export const useDeleteSite = () => useSiteMutation((id: string) => http.delete(`/sites/${id}`));
