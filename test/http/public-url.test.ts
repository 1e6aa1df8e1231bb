import { ConfigError, loadConfig } from '../../src/config/config';
import { buildUser, createTestContext, loginAs, unitId } from '../helpers/test-app';

describe('PUBLIC_URL: the address in links people pass on', () => {
  it('reads a full address and drops its trailing slash; refuses anything else by name', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://sp4n.kutaitimurkab.go.id/' }).publicUrl).toBe('https://sp4n.kutaitimurkab.go.id');
    expect(loadConfig({ PUBLIC_URL: 'https://diskominfo.kutaitimurkab.go.id/sp4n' }).publicUrl).toBe('https://diskominfo.kutaitimurkab.go.id/sp4n');
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(() => loadConfig({ PUBLIC_URL: 'sp4n.kutaitimurkab.go.id' })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: 'sp4n.kutaitimurkab.go.id' })).toThrow(/PUBLIC_URL: harus alamat lengkap/);
  });

  it('builds the set-password link on the configured address, whatever Host the request claims', async () => {
    const ctx = createTestContext({ publicUrl: 'https://sp4n.kutaitimurkab.go.id' });
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const shown = await agent.post(`/admin/users/${nara.id}/password-link`).set('Host', 'penyerang.example').type('form').send({ _csrf: csrf });

    expect(shown.text).toMatch(/value="https:\/\/sp4n\.kutaitimurkab\.go\.id\/atur-sandi\/[\w-]{40,}"/);
    expect(shown.text).not.toContain('penyerang.example');
  });

  it('without it, takes the address from the request as before', async () => {
    const ctx = createTestContext();
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const shown = await agent.post(`/admin/users/${nara.id}/password-link`).set('Host', 'sp4n.lokal:3000').type('form').send({ _csrf: csrf });

    expect(shown.text).toMatch(/value="http:\/\/sp4n\.lokal:3000\/atur-sandi\/[\w-]{40,}"/);
  });
});
