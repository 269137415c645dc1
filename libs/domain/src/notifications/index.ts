export * from './reminder-schedule';
export * from './delivery-retry';
export * from './reach';
export * from './personal-code';
