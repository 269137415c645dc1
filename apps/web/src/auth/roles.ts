import type { Principal, Role } from '@hallbridge/contracts';

/** Where each kind of principal lands after signing in or opening "/". */
export function homeOf(principal: Principal | null): string {
  if (!principal) return '/sign-in';
  if (principal.role === 'member') return '/me';
  if (principal.role === 'site') return '/site';
  return '/sessions';
}

export const staffRoles: readonly Role[] = ['organiser', 'secretary', 'presenter'];

export type NavKey =
  | 'sessions'
  | 'units'
  | 'roster'
  | 'accounts'
  | 'sites'
  | 'attendance'
  | 'evaluation'
  | 'audit'
  | 'connection';

/** The staff menu per role, mirroring what the API lets each role do. */
export const navByRole: Partial<Record<Role, NavKey[]>> = {
  organiser: [
    'sessions',
    'units',
    'roster',
    'accounts',
    'sites',
    'attendance',
    'evaluation',
    'audit',
    'connection',
  ],
  secretary: ['sessions', 'roster', 'sites', 'attendance', 'evaluation'],
  presenter: ['sessions'],
};

export const navPath: Record<NavKey, string> = {
  sessions: '/sessions',
  units: '/units',
  roster: '/roster',
  accounts: '/accounts',
  sites: '/sites',
  attendance: '/attendance/units',
  evaluation: '/evaluation',
  audit: '/audit',
  connection: '/settings/connection',
};
