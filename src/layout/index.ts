export * from './a1';
export * from './formulas';
export * from './plan';
export * from './styles';
