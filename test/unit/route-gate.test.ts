import express, { Router } from 'express';
import request from 'supertest';
import { firstSegment, gated, routerSegments } from '../../src/web/route-gate';

type Stack = Parameters<typeof routerSegments>[0];
const stackOf = (r: Router) => r.stack as unknown as Stack;
const ok = (_req: express.Request, res: express.Response) => {
  res.send('ok');
};

describe('firstSegment', () => {
  it.each([
    ['/api/periods/1', 'api'],
    ['/API/periods', 'api'],
    ['/periods', 'periods'],
    ['/', ''],
    ['/rekap.xlsx', 'rekap.xlsx'],
  ])('%s → %s', (path, expected) => {
    expect(firstSegment(path)).toBe(expected);
  });
});

describe('routerSegments', () => {
  it('collects the first segments of routes and of nested routers', () => {
    const inner = Router();
    inner.get('/periods/:periodId/renaksi', ok);
    const outer = Router();
    outer.get('/', ok);
    outer.put('/api/periods/:periodId/units/:unitId/answers/:code', ok);
    outer.use(inner);

    expect(routerSegments(stackOf(outer))).toEqual(new Set(['', 'api', 'periods']));
  });

  it('gives up on a router that could answer any path', () => {
    const withMiddleware = Router();
    withMiddleware.use((_req, _res, next) => next());
    const withParam = Router();
    withParam.get('/:anything', ok);

    expect(routerSegments(stackOf(withMiddleware))).toBeNull();
    expect(routerSegments(stackOf(withParam))).toBeNull();
  });
});

describe('gated', () => {
  it('answers exactly as the router would, case-insensitively, and skips it for other paths', async () => {
    const router = Router();
    router.get('/akun', ok);
    const app = express();
    app.use(gated(router));
    app.use((_req, res) => {
      res.status(404).send('tidak ada');
    });

    expect((await request(app).get('/akun')).text).toBe('ok');
    expect((await request(app).get('/AKUN/')).text).toBe('ok');
    expect((await request(app).get('/akun-lain')).status).toBe(404);
    expect((await request(app).get('/periods/akun')).status).toBe(404);
  });

  it('always enters a router whose paths cannot be known', async () => {
    const router = Router();
    router.use((req, res, next) => (req.path.endsWith('.txt') ? res.send('teks') : next()));
    const app = express();
    app.use(gated(router));

    expect((await request(app).get('/apa/saja.txt')).text).toBe('teks');
  });
});
