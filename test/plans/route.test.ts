import { describe, expect, it } from "vitest";
import { haversineKm, orderRoute, type Point, pathKm } from "../../src/plans/route.js";

/** A deterministic scatter of shops over a district (~15 km across). */
function scatter(n: number, seed = 7): Point[] {
  let a = seed;
  const random = () => {
    a = (a * 1_103_515_245 + 12_345) % 2 ** 31;
    return a / 2 ** 31;
  };
  return Array.from({ length: n }, () => ({ lat: 25 + random() * 0.14, lng: 116.95 + random() * 0.14 }));
}

describe("route order", () => {
  it("measures great-circle distance in kilometres", () => {
    // Longyan to Xiamen is about 130 km as the crow flies.
    expect(haversineKm({ lat: 25.075, lng: 117.017 }, { lat: 24.48, lng: 118.09 })).toBeGreaterThan(120);
    expect(haversineKm({ lat: 25, lng: 117 }, { lat: 25, lng: 117 })).toBe(0);
  });

  it.each([5, 12, 25, 40])("visits %i shops in a route much shorter than the input order", (n) => {
    const start = { lat: 25.07, lng: 117.02 };
    const points = scatter(n, n);
    const order = orderRoute(start, points);
    expect([...order].sort((x, y) => x - y)).toEqual(points.map((_, i) => i));
    const routed = pathKm(
      start,
      order.map((i) => points[i]!),
    );
    expect(routed).toBeLessThan(pathKm(start, points) * (n <= 5 ? 1.0001 : 0.7));
  });

  it("leaves no crossing a 2-opt move would remove", () => {
    const start = { lat: 25.07, lng: 117.02 };
    const points = scatter(25, 3);
    const order = orderRoute(start, points);
    const best = pathKm(
      start,
      order.map((i) => points[i]!),
    );
    for (let i = 0; i < order.length - 1; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const swapped = [...order.slice(0, i), ...order.slice(i, j + 1).reverse(), ...order.slice(j + 1)];
        expect(
          pathKm(
            start,
            swapped.map((k) => points[k]!),
          ),
        ).toBeGreaterThanOrEqual(best - 1e-9);
      }
    }
  });
});
