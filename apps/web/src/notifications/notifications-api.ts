import type {
  AuthResult,
  InvitationStatus,
  MemberPreferencesBody,
  PersonalLink,
  Principal,
  ResendBody,
  ResendResult,
} from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authStore } from '../auth/auth-store';
import { http } from '../api/http';
import { toSearch } from '../api/query-string';

/** Who has been reached; refreshed every few seconds while messages are on their way. */
export function useInvitationStatus(sessionId: string, unitId: string | undefined) {
  return useQuery({
    queryKey: ['session', sessionId, 'invitations', unitId ?? null],
    queryFn: () => http.get<InvitationStatus>(`/sessions/${sessionId}/invitations${toSearch({ unitId })}`),
    refetchInterval: (query) => (query.state.data && query.state.data.total.pending > 0 ? 3000 : 30_000),
  });
}

function useInvitationMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['session'] }),
  });
}

export const useSendInvitations = (sessionId: string) =>
  useInvitationMutation(() => http.post<InvitationStatus>(`/sessions/${sessionId}/invitations/send`));

export const useResend = (sessionId: string) =>
  useInvitationMutation((body: ResendBody) =>
    http.post<ResendResult>(`/sessions/${sessionId}/invitations/resend`, body),
  );

export function usePersonalLink(memberId: string) {
  return useQuery({
    queryKey: ['member', memberId, 'personal-link'],
    queryFn: () => http.get<PersonalLink>(`/members/${memberId}/personal-link`),
  });
}

export function useRotatePersonalLink(memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<PersonalLink>(`/members/${memberId}/personal-link/rotate`),
    onSuccess: (link) => queryClient.setQueryData(['member', memberId, 'personal-link'], link),
  });
}

/** A personal link is exchanged once per code, like a join link. */
export function usePersonalSignIn(code: string) {
  return useQuery({
    queryKey: ['personal-sign-in', code],
    queryFn: () => http.post<AuthResult>('/auth/personal', { code }, { anonymous: true }),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
    enabled: code.length > 0,
  });
}

/** Saves the language the member's messages are written in, and keeps the stored principal in step. */
export function useSavePreferences() {
  return useMutation({
    mutationFn: (body: MemberPreferencesBody) => http.put<Principal>('/me/preferences', body),
    onSuccess: (principal) => authStore.update(principal),
  });
}
