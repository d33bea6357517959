export * from './problem.js';
export * from './system.js';
export * from './identity.js';
export * from './permissions.js';
export * from './access.js';
