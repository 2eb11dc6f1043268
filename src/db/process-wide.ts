/**
 * State that belongs to the process, not to one copy of the code.
 *
 * The server runs the admin from the current release's own bundle and keeps older bundles loaded for the
 * requests still in them, so after a publish the same module exists twice in one process. A module-level
 * `new LoginThrottle()` would start empty in the new copy: every publish would forget the failed sign-ins,
 * open a second database connection with its own write queue, and allow another four image jobs. What must
 * be one per process is kept on globalThis under a registered symbol, made by whichever copy asks first.
 */
type Holder = Record<symbol, unknown>;

export function processWide<T>(name: string, make: () => T): T {
  const key = Symbol.for(`spcnnt.${name}`);
  const holder = globalThis as unknown as Holder;
  if (!(key in holder)) holder[key] = make();
  return holder[key] as T;
}
