/** The first item of a list a test expects to have one, failing the test by name when it is empty. */
export function firstOf<T>(list: readonly T[], what = "item"): T {
  const [first] = list;
  if (first === undefined) throw new Error(`expected at least one ${what}, got none`);
  return first;
}
