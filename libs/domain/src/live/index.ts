export * from './room-facts';
export * from './room-state';
export * from './live-actor';
export * from './poll-rules';
export * from './decide';
export * from './projection';
export * from './event-buffer';
export * from './snapshot-reducer';
