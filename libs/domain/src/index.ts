export * from './domain-error';
export * from './session/session-state-machine';
export * from './access/scope';
export * from './roster/roster-validation';
export * from './text/vietnamese';
export * from './auth/login-throttle';
export * from './attendance';
export * from './live';
