import { buildAssessment, buildUser, createTestContext, loginAs, REVISION_1, unitId, type TestContext } from '../helpers/test-app';
import { applyExport } from '../helpers/lapor';

interface SampleRow {
  indicator_code: string;
  reports: string;
  report_count: number;
  meeting_all: number;
}

const CHECKS = ['pokok-masalah', 'tindakan-dan-waktu', 'pejabat-penanggung-jawab', 'bukti'];

/** Form fields of sample row n: its tracking ID and a ticked box per checklist item met. */
function row(n: number, trackingId: string, checks: string[]): Record<string, string> {
  return { [`sample_D3_${n}_id`]: trackingId, ...Object.fromEntries(checks.map((c) => [`sample_D3_${n}_${c}`, '1'])) };
}

describe('D3 judged on the verifikator\'s reply sample (revision 2)', () => {
  let ctx: TestContext;
  let busang: number;
  let verifikator: string;
  let nara: string;
  let assessmentId: number;

  beforeEach(async () => {
    ctx = createTestContext();
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    verifikator = (await buildUser(ctx.repos, { role: 'verifikator' })).username;
    nara = (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username;
    assessmentId = buildAssessment(ctx, { unitId: busang, fill: 3, status: 'diajukan', userId: admin.id });
  });

  const page = () => `/periods/${ctx.periodId}/units/${busang}/verification`;
  const api = () => `/api/periods/${ctx.periodId}/units/${busang}/verification/D3`;
  const samples = () => ctx.db.prepare('SELECT indicator_code, reports, report_count, meeting_all FROM verification_samples WHERE assessment_id = ?').all(assessmentId) as SampleRow[];
  const revisionOf = (code: string) => (ctx.db.prepare('SELECT self_revision AS r FROM answers WHERE assessment_id = ? AND indicator_code = ?').get(assessmentId, code) as { r: number }).r;

  it('shows the checklist and ten empty sample rows under D3 only', async () => {
    const { agent } = await loginAs(ctx.app, verifikator);

    const res = await agent.get(page());

    expect(res.status).toBe(200);
    expect(res.text).toContain('data-sample="D3"');
    expect(res.text.match(/data-sample="/g)).toHaveLength(1);
    expect(res.text).toContain('name="sample_D3_10_id"');
    expect(res.text).not.toContain('name="sample_D3_11_id"');
    expect(res.text).toContain('Jawaban menyebutkan pejabat atau bagian yang bertanggung jawab atas tindak lanjut.');
    expect(res.text).toContain('Belum ada laporan dalam sampel.');
  });

  it('stores the sample with the decision in one request, with the share of replies meeting all four items', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);

    const res = await agent.post(page()).type('form').send({
      _csrf: csrf, decision_D3: 'ubah', vlevel_D3: '2', reason_D3: 'Dua dari lima jawaban memenuhi seluruh butir (40%).', rev_D3: String(revisionOf('D3')),
      sample_D3: '1',
      ...row(1, '6110421', CHECKS),
      ...row(2, '6110577', ['pokok-masalah', 'tindakan-dan-waktu']),
      ...row(3, '6111002', CHECKS),
      ...row(4, '6111290', ['pokok-masalah']),
      ...row(5, '6112034', []),
      ...row(6, '', []),
    });
    const shown = await agent.get(page());

    expect(res.status).toBe(302);
    const stored = samples();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ indicator_code: 'D3', report_count: 5, meeting_all: 2 });
    expect(JSON.parse(stored[0]?.reports ?? '[]')).toEqual([
      { trackingId: '6110421', checks: CHECKS },
      { trackingId: '6110577', checks: ['pokok-masalah', 'tindakan-dan-waktu'] },
      { trackingId: '6111002', checks: CHECKS },
      { trackingId: '6111290', checks: ['pokok-masalah'] },
      { trackingId: '6112034', checks: [] },
    ]);
    expect(ctx.db.prepare("SELECT decision FROM verification_decisions WHERE assessment_id = ? AND indicator_code = 'D3'").get(assessmentId)).toEqual({ decision: 'ubah' });
    const audit = ctx.db.prepare("SELECT new_value FROM audit_log WHERE action = 'verification.sample'").get() as { new_value: string };
    expect(JSON.parse(audit.new_value)).toEqual({ indikator: 'D3', laporan: 5, memenuhi: 2, nomor: ['6110421', '6110577', '6111002', '6111290', '6112034'] });
    expect(shown.text).toContain('2 dari 5 jawaban dalam sampel memenuhi seluruh butir daftar periksa (40,0 %).');
    expect(shown.text).toMatch(/name="sample_D3_2_id" value="6110577"/);
  });

  it('draws the sample from the unit\'s finished reports once SP4N-LAPOR! data is imported, and flags a recorded ID not among them', async () => {
    const admin = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    const finished = Array.from({ length: 12 }, (_, i) => `${7200001 + i},2022-0${(i % 9) + 1}-10,Kecamatan Busang Kabupaten Kutai Timur,Selesai,2022-0${(i % 9) + 1}-11,2022-0${(i % 9) + 1}-20`);
    await applyExport(admin.agent, admin.csrf, ctx.periodId, [
      'ID Tracking,Tanggal Laporan,Instansi,Status,Tanggal Tindak Lanjut Pertama,Tanggal Selesai',
      ...finished,
      '7200100,2022-10-03,Kecamatan Busang,Proses,2022-10-04,',
      '7200200,2022-10-03,Dinas Kesehatan,Selesai,2022-10-04,2022-10-05',
    ].join('\n'));
    const { agent, csrf } = await loginAs(ctx.app, verifikator);

    const first = await agent.get(page());
    await agent.post(page()).type('form').send({ _csrf: csrf, sample_D3: '1', ...row(1, '7200003', CHECKS), ...row(2, '7200100', ['bukti']), ...row(3, '7200200', []) });
    const again = await agent.get(page());

    expect(first.text).toContain('Data SP4N-LAPOR! per 30 Desember 2022: 12 laporan unit ini berstatus selesai.');
    expect(first.text).toContain('<th scope="col">ID Tracking</th>');
    const drawnHtml = /Usulan sampel acak dari data itu \(10 laporan\): <span data-sample-draw>(.*?)<\/span>/.exec(first.text)?.[1] ?? '';
    const drawn = [...drawnHtml.matchAll(/<strong>(\d+)<\/strong>/g)].map((m) => m[1] as string);
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn).size).toBe(10);
    expect(drawn.every((id) => Number(id) >= 7200001 && Number(id) <= 7200012)).toBe(true);
    expect(again.text).toContain(`<span data-sample-draw>${drawnHtml}</span>`);
    expect(again.text).toContain('Tidak ditemukan sebagai laporan selesai unit ini dalam data SP4N-LAPOR!: 7200100, 7200200.');
    expect(samples()[0]).toMatchObject({ report_count: 3, meeting_all: 1 });
  });

  it('saves the sample through the autosave and answers with its share', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    const sample = [
      { trackingId: '6110421', checks: CHECKS },
      { trackingId: '6110577', checks: CHECKS },
      { trackingId: '6111002', checks: ['bukti'] },
      ...Array.from({ length: 7 }, () => ({ trackingId: '', checks: [] })),
    ];

    const res = await agent.put(api()).set('X-CSRF-Token', csrf).send({ decision: '', comment: '', revision: revisionOf('D3'), sample });

    expect(res.status).toBe(200);
    expect(res.body.review.sample).toEqual({ total: 3, meetingAll: 2, text: '2 dari 3 jawaban dalam sampel memenuhi seluruh butir daftar periksa (66,7 %).' });
    expect(samples()[0]).toMatchObject({ report_count: 3, meeting_all: 2 });
  });

  it('refuses ticks without a tracking ID and a repeated ID, naming the report, keeping the rows and saving nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);

    const res = await agent.post(page()).type('form').send({
      _csrf: csrf, decision_D3: 'terima', rev_D3: String(revisionOf('D3')), sample_D3: '1',
      ...row(1, '6110421', CHECKS), ...row(2, '', ['bukti']), ...row(3, '6110421', []),
    });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Indikator D3, laporan sampel ke-2: ID Tracking wajib diisi.');
    expect(res.text).toContain('Indikator D3, laporan sampel ke-3: ID Tracking 6110421 sudah ada dalam sampel.');
    expect(res.text).toMatch(/name="sample_D3_3_id" value="6110421"/);
    expect(samples()).toEqual([]);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM verification_decisions').get()).toEqual({ n: 0 });
  });

  it('removes the sample when every row is emptied, and leaves it alone when the form does not show it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    await agent.post(page()).type('form').send({ _csrf: csrf, sample_D3: '1', ...row(1, '6110421', CHECKS) });

    await agent.post(page()).type('form').send({ _csrf: csrf, decision_A1: 'terima', rev_A1: String(revisionOf('A1')) });
    const kept = samples().length;
    await agent.post(page()).type('form').send({ _csrf: csrf, sample_D3: '1', ...row(1, '', []) });

    expect(kept).toBe(1);
    expect(samples()).toEqual([]);
  });

  it('refuses the sample to a narahubung (403) and shows the unit the checklist under D3 in the questionnaire', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara);

    const put = await agent.put(api()).set('X-CSRF-Token', csrf).send({ sample: [{ trackingId: '6110421', checks: CHECKS }] });
    const form = await agent.get(`/periods/${ctx.periodId}/units/${busang}/assessment`);

    expect(put.status).toBe(403);
    expect(samples()).toEqual([]);
    expect(form.text).toMatch(/id="ind-D3"[\s\S]*?Cara verifikator menilai:[\s\S]*?Jawaban disertai bukti tindak lanjut/);
    expect(form.text.match(/Cara verifikator menilai:/g)).toHaveLength(1);
  });
});

describe('a period on revision 1 has no sample', () => {
  it('shows no sample rows and ignores sample fields', async () => {
    const ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    const verif = (await buildUser(ctx.repos, { role: 'verifikator' })).username;
    buildAssessment(ctx, { unitId: busang, fill: 3, status: 'diajukan', userId: admin.id });
    const { agent, csrf } = await loginAs(ctx.app, verif);

    const res = await agent.get(`/periods/${ctx.periodId}/units/${busang}/verification`);
    const post = await agent.post(`/periods/${ctx.periodId}/units/${busang}/verification`).type('form').send({ _csrf: csrf, sample_D3: '1', ...row(1, '6110421', CHECKS) });

    expect(res.text).not.toContain('data-sample=');
    expect(post.status).toBe(302);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM verification_samples').get()).toEqual({ n: 0 });
  });
});
