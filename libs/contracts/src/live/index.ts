export * from './live-state';
export * from './live-events';
export * from './live-commands';
export * from './live-facts';
