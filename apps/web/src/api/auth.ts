import type {
  AuthResult,
  JoinResult,
  LoginBody,
  PairBody,
  SetupBody,
  SetupStatus,
} from '@hallbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authStore } from '../auth/auth-store';
import { http } from './http';

const anonymous = { anonymous: true };

export function useSetupStatus() {
  return useQuery({ queryKey: ['setup'], queryFn: () => http.get<SetupStatus>('/setup'), staleTime: 60_000 });
}

/** Stores the new principal and drops whatever the previous one had cached. */
function useSignedIn() {
  const queryClient = useQueryClient();
  return (result: AuthResult) => {
    queryClient.clear();
    authStore.set(result);
  };
}

export function useRunSetup() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: SetupBody) => http.post<AuthResult>('/setup', body, anonymous),
    onSuccess: signedIn,
  });
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: LoginBody) => http.post<AuthResult>('/auth/login', body, anonymous),
    onSuccess: signedIn,
  });
}

export function usePair() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: PairBody) => http.post<AuthResult>('/auth/pair', body, anonymous),
    onSuccess: signedIn,
  });
}

/** A join link is exchanged once per token; the result is cached so a re-render does not repeat it. */
export function useJoin(token: string) {
  return useQuery({
    queryKey: ['join', token],
    queryFn: () => http.post<JoinResult>('/auth/join', { token }, anonymous),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return () => {
    authStore.clear();
    queryClient.clear();
  };
}

/** Retires every token of the signed-in staff account (this device's too), then signs out here. */
export function useSignOutEverywhere() {
  const signOut = useSignOut();
  return useMutation({
    mutationFn: () => http.post<void>('/auth/sign-out-everywhere'),
    onSuccess: signOut,
  });
}
