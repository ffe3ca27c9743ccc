export * from './categories.js';
export * from './deadlines.js';
export * from './params.js';
export * from './publish.js';
export * from './withhold.js';
