import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type request from 'supertest';
import { buildAssessment, buildUser, createTestContext, loginAs, REVISION_1, unitId, type TestContext } from '../helpers/test-app';
import { EXE_BYTES, pdfBytes } from '../helpers/evidence-files';
import { seedDemo } from '../../src/seed';
import { seedDepsOf } from '../../src/bootstrap';
import { readDocx } from '../helpers/docx';

type Agent = ReturnType<typeof request.agent>;

const LIMIT = 64 * 1024;

interface AnswerRow {
  item_code: string;
  value: string | null;
  note: string;
  decision: string | null;
  judged_value: string | null;
  verified_value: string | null;
  verifier_comment: string;
}

describe('kondisi tingkat kabupaten', () => {
  let ctx: TestContext;
  let dataDir: string;
  let admin: { id: number; username: string };
  let verifikator: { id: number; username: string };

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-kab-'));
    ctx = createTestContext({ dataDir, uploadMaxBytes: LIMIT });
    admin = await buildUser(ctx.repos, { role: 'admin' });
    verifikator = await buildUser(ctx.repos, { role: 'verifikator' });
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const page = () => `/periods/${ctx.periodId}/kabupaten`;
  const rows = () => ctx.db.prepare('SELECT item_code, value, note, decision, judged_value, verified_value, verifier_comment FROM kabupaten_answers ORDER BY item_code').all() as AnswerRow[];
  const row = (code: string) => rows().find((r) => r.item_code === code);
  const evidence = () => ctx.db.prepare('SELECT item_code, kind, url, file_name, file_sha256, deleted_at FROM kabupaten_evidence ORDER BY id').all();

  function save(agent: Agent, csrf: string, fields: Record<string, string>, files: [string, Buffer, string][] = []) {
    let req = agent.post(page()).field('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    for (const [field, data, name] of files) req = req.attach(field, data, name);
    return req;
  }

  it('shows the five conditions of revision 2 to the admin as a form, with how each is answered', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);

    const res = await agent.get(page());

    expect(res.status).toBe(200);
    for (const code of ['K1', 'K2', 'K3', 'K4', 'K5']) expect(res.text).toContain(`id="kondisi-${code}"`);
    expect(res.text).toContain('Peraturan Bupati tentang Pengelolaan Pengaduan Pelayanan Publik');
    expect(res.text).toContain('name="value_K1" value="sebagian"');
    expect(res.text).toContain('name="value_K3" value="4"');
    expect(res.text).toContain('0 dari 5 kondisi');
  });

  it('stores the admin\'s answers, notes, a link and a PDF with their audit rows, and shows them afterwards', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const pdf = pdfBytes('Perbup 12/2021');
    const sha = crypto.createHash('sha256').update(pdf).digest('hex');

    const res = await save(agent, csrf, {
      value_K1: 'ya', note_K1: 'Perbup Nomor 12 Tahun 2021, BD 2021 No. 12', link_K1: '',
      value_K3: '2', note_K3: '', link_K3: 'https://jdih.kutaitimurkab.go.id/renaksi', go: 'K1',
    }, [['file_K1', pdf, 'Perbup 12-2021.pdf']]);
    const shown = await agent.get(page());

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${page()}#kondisi-K1`);
    expect(rows()).toEqual([
      { item_code: 'K1', value: 'ya', note: 'Perbup Nomor 12 Tahun 2021, BD 2021 No. 12', decision: null, judged_value: null, verified_value: null, verifier_comment: '' },
      { item_code: 'K3', value: '2', note: '', decision: null, judged_value: null, verified_value: null, verifier_comment: '' },
    ]);
    expect(evidence()).toEqual([
      { item_code: 'K3', kind: 'link', url: 'https://jdih.kutaitimurkab.go.id/renaksi', file_name: null, file_sha256: null, deleted_at: null },
      { item_code: 'K1', kind: 'file', url: null, file_name: 'Perbup 12-2021.pdf', file_sha256: sha, deleted_at: null },
    ]);
    expect(fs.readFileSync(path.join(dataDir, 'evidence', sha))).toEqual(pdf);
    const actions = ctx.db.prepare("SELECT action, entity FROM audit_log WHERE action LIKE 'kabupaten.%' OR action LIKE 'evidence.%' ORDER BY id").all();
    expect(actions).toEqual([
      { action: 'kabupaten.answer', entity: 'kabupaten_answer' },
      { action: 'kabupaten.answer', entity: 'kabupaten_answer' },
      { action: 'evidence.add', entity: 'kabupaten_evidence' },
      { action: 'evidence.add', entity: 'kabupaten_evidence' },
    ]);
    expect(shown.text).toContain('Ya – Peraturan Bupati telah diundangkan');
    expect(shown.text).toContain('Perbup 12-2021.pdf');
    expect(shown.text).toContain('2 dari 5 kondisi');
  });

  it('serves an evidence file to a fasilitator as an attachment, and refuses it to a narahubung', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const pdf = pdfBytes('SK Bupati');
    await save(agent, csrf, { value_K2: 'sebagian' }, [['file_K2', pdf, 'SK Bupati.pdf']]);
    const id = (ctx.db.prepare('SELECT id FROM kabupaten_evidence').get() as { id: number }).id;
    const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });

    const got = await (await loginAs(ctx.app, fasil.username)).agent.get(`${page()}/evidence/${id}`).buffer(true);
    const refused = await (await loginAs(ctx.app, nara.username)).agent.get(`${page()}/evidence/${id}`);

    expect(got.status).toBe(200);
    expect(got.headers['content-disposition']).toContain('attachment');
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(got.body as Buffer)).toEqual(pdf);
    expect(refused.status).toBe(403);
  });

  it('refuses a program renamed .pdf and a bad link with messages naming the condition, keeping what was typed and writing nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const res = await save(agent, csrf, { value_K5: 'tidak', note_K5: 'Belum ada sub kegiatan dalam DPA 2022', link_K4: 'jdih kutim' }, [['file_K5', EXE_BYTES, 'dpa.pdf']]);

    expect(res.status).toBe(422);
    expect(res.text).toContain('Kondisi K5: berkas &#34;dpa.pdf&#34; tidak diterima');
    expect(res.text).toContain('Kondisi K4: tautan harus diawali http:// atau https://');
    expect(res.text).toContain('Belum ada sub kegiatan dalam DPA 2022');
    expect(res.text).toMatch(/name="value_K5" value="tidak" checked/);
    expect(rows()).toEqual([]);
    expect(evidence()).toEqual([]);
  });

  it('refuses an answer the item does not have (a level on a ya/sebagian/tidak item)', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const res = await save(agent, csrf, { value_K1: '3' });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Kondisi K1: pilih salah satu jawaban yang tersedia.');
    expect(rows()).toEqual([]);
  });

  it('soft-deletes evidence the admin ticks, keeping the file', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    await save(agent, csrf, { value_K3: '3', link_K3: 'https://jdih.kutaitimurkab.go.id/kepbup-renaksi' });
    const id = (ctx.db.prepare('SELECT id FROM kabupaten_evidence').get() as { id: number }).id;

    const res = await save(agent, csrf, { del: String(id) });

    expect(res.status).toBe(302);
    expect(ctx.db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM kabupaten_evidence WHERE id = ?').get(id)).toEqual({ gone: 1 });
    expect(row('K3')?.value).toBe('3');
  });

  describe('verification', () => {
    async function answered(): Promise<void> {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      await save(agent, csrf, { value_K1: 'ya', value_K4: '3', note_K4: '45 dari 57 unit terhubung' });
    }

    it('lets the verifikator accept one answer and change another with a comment, stored with the answer judged', async () => {
      await answered();
      const { agent, csrf } = await loginAs(ctx.app, verifikator.username);

      const res = await agent.post(`${page()}/verification`).type('form').send({
        _csrf: csrf, decision_K1: 'terima', comment_K1: 'Sesuai salinan Berita Daerah.',
        decision_K4: 'ubah', vvalue_K4: '2', comment_K4: 'Daftar akun menunjukkan 40 dari 57 unit (70%).',
      });
      const shown = await agent.get(page());

      expect(res.status).toBe(302);
      expect(row('K1')).toMatchObject({ value: 'ya', decision: 'terima', judged_value: 'ya', verified_value: 'ya', verifier_comment: 'Sesuai salinan Berita Daerah.' });
      expect(row('K4')).toMatchObject({ value: '3', decision: 'ubah', judged_value: '3', verified_value: '2', verifier_comment: 'Daftar akun menunjukkan 40 dari 57 unit (70%).' });
      expect(ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'kabupaten.verify'").get()).toEqual({ n: 2 });
      expect(shown.text).toContain('Diverifikasi (diubah)');
      expect(shown.text).toContain('Jawaban hasil verifikasi: Tingkat 2');
    });

    it('requires a comment and a value to change an answer, and saves nothing then', async () => {
      await answered();
      const { agent, csrf } = await loginAs(ctx.app, verifikator.username);

      const res = await agent.post(`${page()}/verification`).type('form').send({ _csrf: csrf, decision_K1: 'terima', decision_K4: 'ubah', vvalue_K4: '', comment_K4: '' });

      expect(res.status).toBe(422);
      expect(res.text).toContain('Kondisi K4: alasan mengubah jawaban wajib diisi.');
      expect(res.text).toContain('Kondisi K4: pilih jawaban hasil verifikasi (tingkat 0–4).');
      expect(row('K1')?.decision).toBeNull();
    });

    it('refuses a decision on a condition the admin has not answered, all or nothing', async () => {
      await answered();
      const { agent, csrf } = await loginAs(ctx.app, verifikator.username);

      const res = await agent.post(`${page()}/verification`).type('form').send({ _csrf: csrf, decision_K1: 'terima', decision_K2: 'terima' });

      expect(res.status).toBe(422);
      expect(res.text).toContain('Kondisi K2: belum dijawab admin sehingga tidak dapat diperiksa.');
      expect(row('K1')?.decision).toBeNull();
    });

    it('marks a decision stale when the admin changes the answer afterwards', async () => {
      await answered();
      const v = await loginAs(ctx.app, verifikator.username);
      await v.agent.post(`${page()}/verification`).type('form').send({ _csrf: v.csrf, decision_K1: 'terima' });
      const a = await loginAs(ctx.app, admin.username);

      await save(a.agent, a.csrf, { value_K1: 'sebagian' });
      const shown = await v.agent.get(page());

      expect(row('K1')).toMatchObject({ value: 'sebagian', decision: 'terima', judged_value: 'ya' });
      expect(shown.text).toContain('Jawaban berubah setelah diverifikasi');
      expect(shown.text).toContain('Jawaban admin berubah setelah diperiksa');
    });
  });

  describe('who may do what', () => {
    it.each(['verifikator', 'fasilitator', 'tim_renaksi'] as const)('refuses the answers form to a %s (403) and writes nothing', async (role) => {
      const u = role === 'verifikator' ? verifikator : await buildUser(ctx.repos, { role });
      const { agent, csrf } = await loginAs(ctx.app, u.username);

      const res = await save(agent, csrf, { value_K1: 'ya' });

      expect(res.status).toBe(403);
      expect(rows()).toEqual([]);
    });

    it.each(['admin', 'fasilitator', 'tim_renaksi'] as const)('refuses the verification form to a %s (403) and writes nothing', async (role) => {
      const { agent: a, csrf: ac } = await loginAs(ctx.app, admin.username);
      await save(a, ac, { value_K1: 'ya' });
      const u = role === 'admin' ? admin : await buildUser(ctx.repos, { role });
      const { agent, csrf } = await loginAs(ctx.app, u.username);

      const res = await agent.post(`${page()}/verification`).type('form').send({ _csrf: csrf, decision_K1: 'terima' });

      expect(res.status).toBe(403);
      expect(row('K1')?.decision).toBeNull();
    });

    it('shows the page read-only to a fasilitator and answers a narahubung 403 on every route', async () => {
      const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
      const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });
      const f = await loginAs(ctx.app, fasil.username);
      const n = await loginAs(ctx.app, nara.username);

      const read = await f.agent.get(page());
      const statuses = [
        (await n.agent.get(page())).status,
        (await save(n.agent, n.csrf, { value_K1: 'ya' })).status,
        (await n.agent.post(`${page()}/verification`).type('form').send({ _csrf: n.csrf, decision_K1: 'terima' })).status,
      ];

      expect(read.status).toBe(200);
      expect(read.text).not.toContain('name="value_K1"');
      expect(read.text).not.toContain('name="decision_K1"');
      expect(statuses).toEqual([403, 403, 403]);
      expect(rows()).toEqual([]);
    });

    it('refuses a form without its CSRF token', async () => {
      const { agent } = await loginAs(ctx.app, admin.username);

      const res = await agent.post(page()).field('value_K1', 'ya');

      expect(res.status).toBe(403);
      expect(rows()).toEqual([]);
    });
  });

  describe('on the dashboard and in the FGD deck', () => {
    it('shows "Kondisi tingkat kabupaten" with each state, and leaves the unit indices unchanged', async () => {
      const busang = unitId(ctx.repos, 'KEC-BUSANG');
      buildAssessment(ctx, { unitId: busang, status: 'diajukan', fill: 2, userId: admin.id });
      const before = await (await loginAs(ctx.app, admin.username)).agent.get(`/api/periods/${ctx.periodId}/scores`);
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      await save(agent, csrf, { value_K1: 'ya', value_K2: 'sebagian', value_K3: '0' });

      const dash = await agent.get(`/periods/${ctx.periodId}/dashboard`);
      const after = await agent.get(`/api/periods/${ctx.periodId}/scores`);
      const deck = await agent.get(`/periods/${ctx.periodId}/presentation`);

      expect(dash.text).toContain('Kondisi tingkat kabupaten');
      expect(dash.text).toContain('1 dari 5 kondisi terpenuhi</strong>, 1 terpenuhi sebagian, 1 belum terpenuhi, 2 belum dijawab');
      expect(dash.text).toMatch(/data-kondisi="K2">[\s\S]*?Terpenuhi sebagian[\s\S]*?Menunggu verifikasi/);
      expect(after.body).toEqual(before.body);
      expect(deck.text).toContain('Kondisi tingkat kabupaten</h2>');
      expect(deck.text).toContain('kstate-terpenuhi');
    });

    it('gives the Renaksi narrative its kondisi awal: each condition with its answer, state and verification', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      await save(agent, csrf, { value_K1: 'ya', value_K3: '1' });
      const v = await loginAs(ctx.app, verifikator.username);
      await v.agent.post(`${page()}/verification`).type('form').send({ _csrf: v.csrf, decision_K3: 'ubah', vvalue_K3: '2', comment_K3: 'Draf Renaksi sudah disusun tim.' });
      const tim = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'tim_renaksi' })).username);

      const res = await tim.agent.get(`/periods/${ctx.periodId}/renaksi.docx`).buffer(true).responseType('blob');
      const { text } = await readDocx(res.body as Buffer);

      expect(res.status).toBe(200);
      expect(text).toContain('kondisi pengelolaan pengaduan tingkat kabupaten dinilai terhadap 5 kondisi: 1 terpenuhi, 1 terpenuhi sebagian, 0 belum terpenuhi dan 3 belum diisi.');
      expect(text).toMatch(/K1 Peraturan Bupati tentang Pengelolaan Pengaduan Pelayanan Publik\s*Ya\s*Terpenuhi\s*Menunggu verifikasi/);
      expect(text).toMatch(/K3 Rencana Aksi SP4N-LAPOR! Kabupaten\s*Tingkat 2\s*Terpenuhi sebagian\s*Diverifikasi \(diubah\)/);
    });

    it('freezes the conditions in a snapshot and changes the live deck\'s fingerprint when an answer changes', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const first = (await agent.get(`/periods/${ctx.periodId}/presentation.json`)).body as { fingerprint: string };

      await save(agent, csrf, { value_K5: 'ya' });
      const second = (await agent.get(`/periods/${ctx.periodId}/presentation.json`)).body as { fingerprint: string; kabupaten: { summary: { answered: number } } };
      const snap = await agent.post(`/periods/${ctx.periodId}/presentation/snapshots`).type('form').send({ _csrf: csrf, basis: 'verified' });
      await save(agent, csrf, { value_K5: 'tidak' });
      const frozen = await agent.get(`${snap.headers.location?.split('?')[0] ?? ''}.json`);

      expect(second.fingerprint).not.toBe(first.fingerprint);
      expect(second.kabupaten.summary.answered).toBe(1);
      expect((frozen.body as { kabupaten: { conditions: { code: string; valueLabel: string }[] } }).kabupaten.conditions.find((c) => c.code === 'K5')?.valueLabel).toBe('Ya');
    });
  });
});

describe('the demo data', () => {
  it('answers and partly verifies the conditions, so a newcomer sees every state on the dashboard', async () => {
    const ctx = createTestContext();
    await buildUser(ctx.repos, { role: 'admin', username: 'admin' });

    seedDemo(seedDepsOf(ctx.db, ctx.modules));
    const { agent } = await loginAs(ctx.app, 'admin');
    const dash = await agent.get(`/periods/${ctx.periodId}/dashboard`);

    const stored = ctx.db.prepare('SELECT item_code, value, decision, verified_value FROM kabupaten_answers ORDER BY item_code').all();
    expect(stored).toEqual([
      { item_code: 'K1', value: 'tidak', decision: 'terima', verified_value: 'tidak' },
      { item_code: 'K2', value: 'ya', decision: 'terima', verified_value: 'ya' },
      { item_code: 'K3', value: '1', decision: 'terima', verified_value: '1' },
      { item_code: 'K4', value: '3', decision: 'ubah', verified_value: '2' },
      { item_code: 'K5', value: 'sebagian', decision: null, verified_value: null },
    ]);
    expect(dash.text).toContain('1 dari 5 kondisi terpenuhi</strong>, 3 terpenuhi sebagian, 1 belum terpenuhi · 4 dari 5 diverifikasi.');
  });
});

describe('a period on instrument revision 1', () => {
  it('has no kabupaten conditions: no page, no form, no dashboard section, no slide, no link', async () => {
    const ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const pageRes = await agent.get(`/periods/${ctx.periodId}/kabupaten`);
    const post = await agent.post(`/periods/${ctx.periodId}/kabupaten`).field('_csrf', csrf).field('value_K1', 'ya');
    const dash = await agent.get(`/periods/${ctx.periodId}/dashboard`);
    const deck = await agent.get(`/periods/${ctx.periodId}/presentation`);
    const home = await agent.get('/');

    expect(pageRes.status).toBe(404);
    expect(pageRes.text).toContain('Instrumen periode ini tidak memiliki daftar kondisi tingkat kabupaten.');
    expect(post.status).toBe(404);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM kabupaten_answers').get()).toEqual({ n: 0 });
    expect(dash.status).toBe(200);
    expect(dash.text).not.toContain('Kondisi tingkat kabupaten');
    expect(deck.text).not.toContain('Kondisi tingkat kabupaten');
    expect(home.text).not.toContain('/kabupaten');
  });
});
