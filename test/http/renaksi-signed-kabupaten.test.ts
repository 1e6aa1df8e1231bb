import { buildUser, createTestContext, loginAs, type TestContext, type TestSession } from '../helpers/test-app';
import { draftedPlan, finalizePlan } from '../helpers/renaksi';
import { readDocx } from '../helpers/docx';

/**
 * The narrative of a final Renaksi prints the kabupaten conditions (BAB II, Tabel 2.4) and the signature block as they
 * were when the plan was signed; a draft prints them as they are now. Before signing: K1 'ya' accepted, K3 1 changed
 * to 2 by the verifikator, K4 3 awaiting verification, K2 and K5 unanswered.
 */
describe('the kabupaten conditions of a signed Renaksi narrative', () => {
  let ctx: TestContext;
  let tim: string;
  let admin: TestSession;
  let verifikator: TestSession;
  const plan = () => `/periods/${ctx.periodId}/renaksi`;
  const kabupaten = () => `/periods/${ctx.periodId}/kabupaten`;

  const SIGNED_SUMMARY = 'dinilai terhadap 5 kondisi: 1 terpenuhi, 2 terpenuhi sebagian, 0 belum terpenuhi dan 2 belum diisi.';
  const SIGNED_ROWS = [
    'K1|Ya|Terpenuhi|Diverifikasi (diterima)', 'K2|Belum diisi|–|Belum diisi', 'K3|Tingkat 2|Terpenuhi sebagian|Diverifikasi (diubah)',
    'K4|Tingkat 3|Terpenuhi sebagian|Menunggu verifikasi', 'K5|Belum diisi|–|Belum diisi',
  ];
  // After signing: the admin changes K1 to 'tidak' (its decision turns stale) and answers K5 'ya'; the verifikator
  // changes K4 to 4. K1 and K4 thereby swap states, so only the rows tell the versions apart, not the counts alone.
  const LIVE_SUMMARY = 'dinilai terhadap 5 kondisi: 2 terpenuhi, 1 terpenuhi sebagian, 1 belum terpenuhi dan 1 belum diisi.';
  const LIVE_ROWS = [
    'K1|Tidak|Belum terpenuhi|Jawaban berubah setelah diverifikasi', 'K2|Belum diisi|–|Belum diisi',
    'K3|Tingkat 2|Terpenuhi sebagian|Diverifikasi (diubah)', 'K4|Tingkat 4|Terpenuhi|Diverifikasi (diubah)', 'K5|Ya|Terpenuhi|Menunggu verifikasi',
  ];

  async function answer(fields: Record<string, string>): Promise<void> {
    let req = admin.agent.post(kabupaten()).field('_csrf', admin.csrf);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    expect((await req).status).toBe(302);
  }

  async function verify(fields: Record<string, string>): Promise<void> {
    const res = await verifikator.agent.post(`${kabupaten()}/verification`).type('form').send({ _csrf: verifikator.csrf, ...fields });
    expect(res.status).toBe(302);
  }

  async function changeAfterSigning(): Promise<void> {
    await answer({ value_K1: 'tidak', value_K5: 'ya' });
    await verify({ decision_K4: 'ubah', vvalue_K4: '4', comment_K4: 'Seluruh 57 unit kini terhubung.' });
    ctx.repos.settings.set('renaksi.signer', 'DRS. H. MAHYUNADI');
  }

  async function narrative(): Promise<string> {
    const res = await admin.agent.get(`${plan()}.docx`).buffer(true).responseType('blob');
    expect(res.status).toBe(200);
    return (await readDocx(res.body as Buffer)).text;
  }

  /** Tabel 2.4's rows: code, answer, state and verification of each condition, as the document reads. */
  const conditionRows = (text: string) => [...text.matchAll(/^(K\d) [^\n]+\n([^\n]+)\n([^\n]+)\n([^\n]+)$/gm)].map((m) => m.slice(1).join('|'));

  beforeEach(async () => {
    ctx = createTestContext();
    ({ tim } = await draftedPlan(ctx));
    admin = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    verifikator = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);
    await answer({ value_K1: 'ya', value_K3: '1', value_K4: '3' });
    await verify({ decision_K1: 'terima', decision_K3: 'ubah', vvalue_K3: '2', comment_K3: 'Draf Renaksi sudah disusun tim.' });
  });

  it('prints the conditions and the signer as signed after the checklist is answered and verified again', async () => {
    await finalizePlan(ctx, tim);
    const signed = await narrative();

    await changeAfterSigning();
    const after = await narrative();
    const dashboard = await admin.agent.get(`/periods/${ctx.periodId}/dashboard`);

    expect(conditionRows(signed)).toEqual(SIGNED_ROWS);
    expect(signed).toContain(SIGNED_SUMMARY);
    expect(signed).toContain('BUPATI KUTAI TIMUR,\nH. ARDIANSYAH SULAIMAN');
    expect(after).toBe(signed);
    // The dashboard stays live.
    expect(dashboard.text).toContain('2 dari 5 kondisi terpenuhi</strong>, 1 terpenuhi sebagian, 1 belum terpenuhi, 1 belum dijawab');
    const stored = ctx.db.prepare('SELECT kabupaten_json, settings_json FROM renaksi_versions').get() as { kabupaten_json: string; settings_json: string };
    const k1 = (JSON.parse(stored.kabupaten_json) as { conditions: { code: string; value: string | null; status: string }[] }).conditions.find((c) => c.code === 'K1');
    expect(k1).toMatchObject({ value: 'ya', status: 'diterima' });
    expect(JSON.parse(stored.settings_json)).toMatchObject({ 'renaksi.signer': 'H. ARDIANSYAH SULAIMAN', 'renaksi.region': 'Kabupaten Kutai Timur' });
  });

  it('prints the current conditions and signer in a draft, also one reopened after signing', async () => {
    const draftBefore = await narrative();
    await changeAfterSigning();
    const draft = await narrative();
    await finalizePlan(ctx, tim);
    await answer({ value_K2: 'sebagian' });
    expect((await admin.agent.post(`${plan()}/reopen`).type('form').send({ _csrf: admin.csrf })).status).toBe(302);

    const reopened = await narrative();

    expect(conditionRows(draftBefore)).toEqual(SIGNED_ROWS);
    expect(conditionRows(draft)).toEqual(LIVE_ROWS);
    expect(draft).toContain(LIVE_SUMMARY);
    expect(draft).toContain('BUPATI KUTAI TIMUR,\nDRS. H. MAHYUNADI');
    expect(conditionRows(reopened)).toContain('K2|Sebagian|Terpenuhi sebagian|Menunggu verifikasi');
  });

  it('reads the current conditions for a final version stored before they were (an upgraded database)', async () => {
    const planRow = ctx.repos.renaksi.findPlan(ctx.periodId);
    const rows = ctx.repos.renaksi.listRows(planRow?.id ?? 0);
    const units = { units: ctx.modules.scoring.service.computePeriodScores(ctx.periodId, 'verified').units, notes: [] };
    // A version as finalising wrote it between migrations 021 and 023: rows, units and workbook, no conditions or settings.
    ctx.db.prepare(
      `INSERT INTO renaksi_versions (plan_id, version_no, start_year, end_year, row_count, finalized_at, finalized_by, rows_json, units_json, xlsx)
       VALUES (?, 1, 2022, 2024, ?, '2022-07-01T02:00:00.000Z', NULL, ?, ?, ?)`,
    ).run(planRow?.id, rows.length, JSON.stringify(rows), JSON.stringify(units), Buffer.from('PK'));
    ctx.repos.renaksi.setStatus(planRow?.id ?? 0, 'final');

    await changeAfterSigning();
    const text = await narrative();

    expect(conditionRows(text)).toEqual(LIVE_ROWS);
    expect(text).toContain('BUPATI KUTAI TIMUR,\nDRS. H. MAHYUNADI');
  });
});
