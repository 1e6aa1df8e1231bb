import { createTestContext, loginAs, type TestContext } from '../helpers/test-app';
import { finalPlanForMonev, type MonevSetup } from '../helpers/monev';

/** The monev board and overview take their filters from the address: hostile values are ignored or escaped. */
describe('the monev board and overview with hostile filters', () => {
  let ctx: TestContext;
  let m: MonevSetup;

  beforeAll(async () => {
    ctx = createTestContext();
    m = await finalPlanForMonev(ctx);
  });

  const hostile = [
    `cari=${encodeURIComponent('"><script>alert(1)</script>')}`,
    'cari=a&cari=b&status=belum&status=diterima&kelompok[]=pd&hal=1&hal=2',
    `cari=${'x'.repeat(5000)}`,
    'hal=999999999999&status=%00',
    'hal=-5&kelompok=__proto__',
    `cari=${encodeURIComponent('%_\\')}`,
    'semester=2022-2&semester=2023-1',
    `semester=${encodeURIComponent('"><b>x')}`,
  ];

  it.each(['board', ''])('answers /%s with a page, never an error, and never echoes markup unescaped', async (path) => {
    const { agent } = await loginAs(ctx.app, m.users.verifikator);
    for (const q of hostile) {
      const res = await agent.get(`${m.url}${path ? `/${path}` : ''}?${q}`);
      expect([200, 404, 422]).toContain(res.status);
      expect(res.text).not.toContain('<script>alert(1)</script>');
      expect(res.text).not.toContain('<b>x');
      expect(res.text).not.toMatch(/at [\w.]+ \(\/|Error:/);
    }
  });
});
