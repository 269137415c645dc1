import type { CreateUserBody, UpdateUserBody, User } from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './http';

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: () => http.get<User[]>('/users') });
}

export function usePresenters(enabled = true) {
  return useQuery({
    queryKey: ['users', 'presenters'],
    queryFn: () => http.get<User[]>('/users/presenters'),
    enabled,
  });
}

function useUserMutation<V>(fn: (vars: V) => Promise<User>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export const useCreateUser = () => useUserMutation((body: CreateUserBody) => http.post<User>('/users', body));

export const useUpdateUser = () =>
  useUserMutation(({ id, body }: { id: string; body: UpdateUserBody }) =>
    http.patch<User>(`/users/${id}`, body),
  );
