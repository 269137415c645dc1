import type { AuthResult, Principal } from '@hallbridge/contracts';
import { useSyncExternalStore } from 'react';

const storageKey = 'hallbridge.auth';

interface StoredAuth {
  token: string;
  expiresAt: string;
  principal: Principal;
}

function read(): StoredAuth | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as StoredAuth | null;
    if (!stored || Date.parse(stored.expiresAt) <= Date.now()) return null;
    return stored;
  } catch {
    return null;
  }
}

let current = read();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** The signed-in principal and its token, kept in localStorage so a reload stays signed in. */
export const authStore = {
  token: () => current?.token ?? null,
  principal: () => current?.principal ?? null,
  set(result: AuthResult) {
    current = { token: result.token, expiresAt: result.expiresAt, principal: result.principal };
    localStorage.setItem(storageKey, JSON.stringify(current));
    notify();
  },
  /** The same sign-in with a changed principal (a saved preference). */
  update(principal: Principal) {
    if (!current) return;
    current = { ...current, principal };
    localStorage.setItem(storageKey, JSON.stringify(current));
    notify();
  },
  clear() {
    current = null;
    localStorage.removeItem(storageKey);
    notify();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function usePrincipal(): Principal | null {
  return useSyncExternalStore(authStore.subscribe, authStore.principal);
}
