export * from './programme-rules';
