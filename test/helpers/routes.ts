import type { Express } from 'express';

export interface RouteEntry {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  /** A router, or a gated router (src/web/route-gate.ts) that keeps its router reachable. */
  handle?: { stack?: Layer[]; router?: { stack: Layer[] } };
}

/** Every route the app answers, read from Express 5's router stack (routers are mounted at the root). */
export function listRoutes(app: Express): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods)) out.push({ method: m.toUpperCase(), path: layer.route.path });
      } else {
        const nested = layer.handle?.stack ?? layer.handle?.router?.stack;
        if (nested) walk(nested);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}
