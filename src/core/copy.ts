/**
 * A deep copy of plain data (objects, arrays, dates, maps, sets and primitives), as `structuredClone`
 * makes it but without its serialisation: the parser's remembered readings are copied for every
 * caller, and for a long message `structuredClone` held the event loop for milliseconds. An object
 * met twice is copied once (shared parts stay shared, cycles stay cycles); anything that is not
 * plain data goes to `structuredClone` itself.
 */
export function copyOf<T>(value: T): T {
  return copy(value, new Map()) as T;
}

function copy(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== "object" || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], seen);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
    seen.set(value, out);
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], seen);
    return out;
  }
  if (value instanceof Date) return remember(seen, value, new Date(value.getTime()));
  if (value instanceof Map) {
    const out = remember(seen, value, new Map());
    for (const [k, v] of value) out.set(copy(k, seen), copy(v, seen));
    return out;
  }
  if (value instanceof Set) {
    const out = remember(seen, value, new Set());
    for (const v of value) out.add(copy(v, seen));
    return out;
  }
  return remember(seen, value, structuredClone(value));
}

function remember<T>(seen: Map<object, unknown>, from: object, to: T): T {
  seen.set(from, to);
  return to;
}
