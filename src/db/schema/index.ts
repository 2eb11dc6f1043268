export * from './reference.ts';
export * from './catalogue.ts';
export * from './fairs.ts';
export * from './staff.ts';
