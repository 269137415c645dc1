import type { CreateUnitBody, Unit, UpdateUnitBody } from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUnitTree } from '../lib/unit-tree';
import { http } from './http';

export function useUnits(enabled = true) {
  return useQuery({ queryKey: ['units'], queryFn: () => http.get<Unit[]>('/units'), enabled });
}

/** The caller's units as a tree, sorted by name in the interface language. */
export function useUnitTree(enabled = true) {
  const { i18n } = useTranslation();
  const query = useUnits(enabled);
  const tree = useMemo(() => buildUnitTree(query.data ?? [], i18n.language), [query.data, i18n.language]);
  return { ...query, tree };
}

function useUnitMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['units'] }),
  });
}

export const useCreateUnit = () => useUnitMutation((body: CreateUnitBody) => http.post<Unit>('/units', body));

export const useUpdateUnit = () =>
  useUnitMutation(({ id, body }: { id: string; body: UpdateUnitBody }) =>
    http.patch<Unit>(`/units/${id}`, body),
  );

export const useDeleteUnit = () => useUnitMutation((id: string) => http.delete(`/units/${id}`));
