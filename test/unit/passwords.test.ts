import { PRODUCTION_PASSWORD_COST, TEST_PASSWORD_ENV, loadConfig, testConfig } from '../../src/config/config';
import { hashPassword, verifyPassword } from '../../src/users/passwords';

// Made once with m=2048,t=2,p=2 (a cost neither production nor the tests use): it must verify under any config.
const OTHER_COST_HASH = '$argon2id$v=19$m=2048,p=2,t=2$baZXRnrXVNhPMQSS1MhsKA$UlmasbUlule/V0PjrNuvn21S17b/1hgr97b1zt6R0BQ';

describe('password hashing cost', () => {
  it('keeps argon2 defaults in production and lets the environment set each parameter', () => {
    const defaults = loadConfig({}).passwordCost;
    const fromEnv = loadConfig({ ...TEST_PASSWORD_ENV }).passwordCost;

    expect(defaults).toEqual({ memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    expect(PRODUCTION_PASSWORD_COST).toEqual(defaults);
    expect(fromEnv).toEqual({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    expect(() => loadConfig({ PASSWORD_MEMORY_KIB: '64' })).toThrow(/PASSWORD_MEMORY_KIB: minimal 1024/);
  });

  it('hashes at the configured cost, written into the hash itself', async () => {
    const hash = await hashPassword('rahasia-uji-123', testConfig().passwordCost);

    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    await expect(verifyPassword(hash, 'rahasia-uji-123')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'rahasia-uji-124')).resolves.toBe(false);
  });

  it('verifies a hash made at another cost by the cost it carries', async () => {
    await expect(verifyPassword(OTHER_COST_HASH, 'sandi-lama-2021')).resolves.toBe(true);
    await expect(verifyPassword(OTHER_COST_HASH, 'sandi-baru-2021')).resolves.toBe(false);
  });
});
