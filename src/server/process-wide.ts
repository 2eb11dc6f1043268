/**
 * `processWide` lives in `src/db/process-wide.ts` since the database client needs it and `src/db` does not
 * import `src/server` (#21.1); the server modules keep importing it from here.
 */
export { processWide } from '../db/process-wide.ts';
