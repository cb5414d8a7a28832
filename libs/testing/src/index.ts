export * from './app';
export * from './database';
export * from './security';
export * from './browser';
