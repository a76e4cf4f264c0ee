/**
 * A short route through the day's shops: nearest neighbour from the start point, then 2-opt.
 * An open path (the manager does not return to the start), distances by haversine: good enough
 * for ordering 15–30 shops in a district; road distance would need a map service.
 */

export interface Point {
  lat: number;
  lng: number;
}

const EARTH_KM = 6371.0088;
/** Bounded so a pathological input cannot spin: 2-opt converges in a few passes for a day's stops. */
const MAX_PASSES = 50;
/** Shorter by less than this (km) is no improvement: rounding must not swap segments back and forth. */
const EPSILON_KM = 1e-9;

export function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of the open path start → points[0] → … → last, km. */
export function pathKm(start: Point, points: Point[]): number {
  let total = 0;
  let at = start;
  for (const p of points) {
    total += haversineKm(at, p);
    at = p;
  }
  return total;
}

/** The visiting order (indexes into `points`) of a short open path from `start`. */
export function orderRoute(start: Point, points: Point[]): number[] {
  if (points.length <= 1) return points.map((_, i) => i);
  return twoOpt(start, points, nearestNeighbour(start, points));
}

function nearestNeighbour(start: Point, points: Point[]): number[] {
  const taken = points.map(() => false);
  const order: number[] = [];
  let at = start;
  while (order.length < points.length) {
    let best = -1;
    let bestKm = Infinity;
    let bestPoint = at;
    points.forEach((p, i) => {
      if (taken[i]) return;
      const km = haversineKm(at, p);
      // Ties go to the lower index: points are scanned in index order.
      if (km < bestKm) {
        best = i;
        bestKm = km;
        bestPoint = p;
      }
    });
    order.push(best);
    taken[best] = true;
    at = bestPoint;
  }
  return order;
}

/** Reverses segments while that shortens the path; the start point stays fixed, the end is free. */
function twoOpt(start: Point, points: Point[], order: number[]): number[] {
  const route = [...order];
  // k runs over the route's positions, and the route holds indexes of points.
  const at = (k: number): Point => {
    const point = k < 0 ? start : points[route[k] ?? -1];
    if (!point) throw new Error(`route position ${k} holds no point`);
    return point;
  };
  const n = route.length;
  let improved = true;
  for (let pass = 0; improved && pass < MAX_PASSES; pass++) {
    improved = false;
    for (let i = 0; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        // Reversing route[i..j]: edge (i-1,i) becomes (i-1,j), edge (j,j+1) becomes (i,j+1).
        const before = haversineKm(at(i - 1), at(i)) + (j + 1 < n ? haversineKm(at(j), at(j + 1)) : 0);
        const after = haversineKm(at(i - 1), at(j)) + (j + 1 < n ? haversineKm(at(i), at(j + 1)) : 0);
        if (after + EPSILON_KM < before) {
          route.splice(i, j - i + 1, ...route.slice(i, j + 1).reverse());
          improved = true;
        }
      }
    }
  }
  return route;
}
