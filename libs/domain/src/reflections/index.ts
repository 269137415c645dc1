export * from './reflection-text';
export * from './reflection-rules';
export * from './grade-scale';
export * from './reflection-summary';
export * from './reflection-reminders';
export * from './reflection-access';
