import type {
  CreateMemberBody,
  ImportReport,
  Member,
  MemberQuery,
  UpdateMemberBody,
} from '@hallbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './http';
import { toSearch as search } from './query-string';

export function useMembers(query: MemberQuery) {
  return useQuery({
    queryKey: ['members', query],
    queryFn: () => http.get<Member[]>(`/members${search(query)}`),
    placeholderData: keepPreviousData,
  });
}

function useRosterMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['members'] }),
        queryClient.invalidateQueries({ queryKey: ['units'] }),
      ]);
    },
  });
}

export const useCreateMember = () =>
  useRosterMutation((body: CreateMemberBody) => http.post<Member>('/members', body));

export const useUpdateMember = () =>
  useRosterMutation(({ id, body }: { id: string; body: UpdateMemberBody }) =>
    http.patch<Member>(`/members/${id}`, body),
  );

export const useDeleteMember = () => useRosterMutation((id: string) => http.delete(`/members/${id}`));

export interface ImportVars {
  file: File;
  dryRun: boolean;
  unitId?: string;
}

/** Dry run first (nothing is written), then the real import; both answer with an ImportReport. */
export const useImportRoster = () =>
  useRosterMutation(({ file, dryRun, unitId }: ImportVars) =>
    http.upload<ImportReport>(`/members/import${search({ dryRun: String(dryRun), unitId })}`, file),
  );
