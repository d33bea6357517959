export * from './problem.js';
export * from './system.js';
