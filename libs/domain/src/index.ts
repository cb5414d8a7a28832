export * from './enums';
export * from './errors';
export * from './platforms';
export * from './handles';
export * from './lifecycle';
export * from './org-units';
