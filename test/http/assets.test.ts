import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { PUBLIC_DIR } from '../../src/shared/paths';
import { buildUser, createTestContext, loginAs } from '../helpers/test-app';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('assets linked by a fingerprint of their content', () => {
  it('links every stylesheet and script of a page by its content hash, served compressed and cacheable for a year', async () => {
    const ctx = createTestContext();
    const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
    const { agent } = await loginAs(ctx.app, fasil.username);

    const page = await agent.get(`/periods/${ctx.periodId}/dashboard`);
    const urls = [...page.text.matchAll(/(?:href|src)="(\/static\/[^"]+\.(?:css|js))"/g)].map((m) => m[1] as string);
    const css = await request(ctx.app).get(urls.find((u) => u.startsWith('/static/css/app.')) ?? '').set('Accept-Encoding', 'gzip');

    expect(page.status).toBe(200);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) expect(url).toMatch(/\.[0-9a-f]{12}\.(css|js)$/);
    expect(urls).toContain(`/static/css/app.${sha(path.join(PUBLIC_DIR, 'css', 'app.css')).slice(0, 12)}.css`);
    expect(urls.some((u) => /^\/static\/vendor\/chart\.umd\.min\.[0-9a-f]{12}\.js$/.test(u))).toBe(true);
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.text).toBe(fs.readFileSync(path.join(PUBLIC_DIR, 'css', 'app.css'), 'utf8'));
  });

  it('answers a stale fingerprint with 404 and keeps the plain name for an hour only', async () => {
    const ctx = createTestContext();

    const stale = await request(ctx.app).get('/static/css/app.000000000000.css');
    const plain = await request(ctx.app).get('/static/css/app.css');

    expect(stale.status).toBe(404);
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=3600');
  });
});
