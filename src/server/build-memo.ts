/**
 * Reads shared by many prerendered pages of one build: a product is read for its page in each language and
 * again for the verification page of each of its certificates (in each language). During a static build
 * the data cannot change (it comes from the publish's backup), so each read is made once per build.
 * Pages rendered on demand always read afresh.
 */
const memo = new Map<string, Promise<unknown>>();

export function oncePerBuild<T>(prerendering: boolean, key: string, read: () => Promise<T>): Promise<T> {
  if (!prerendering) return read();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    memo.set(key, value);
  }
  return value;
}
