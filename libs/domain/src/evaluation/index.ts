export * from './year-evaluation';
