export * from './consolidate';
export * from './plan';
export * from './problems';
export * from './rows';
export * from './summary';
export * from './unit';
