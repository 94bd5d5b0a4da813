export * from './inputs';
export * from './problems';
export * from './score';
