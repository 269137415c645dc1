export * from './presence-intervals';
export * from './site-presence';
export * from './attendance-window';
export * from './attendance-status';
export * from './member-attendance';
export * from './attendance-summary';
export * from './session-attendance';
export * from './check-in-code';
