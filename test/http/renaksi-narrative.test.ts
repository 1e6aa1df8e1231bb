import type { Role } from '../../src/shared/identity';
import { NARRATIVE_DEFAULTS, NARRATIVE_SECTIONS } from '../../src/renaksi-narrative/narrative-texts';
import { buildAssessment, buildUser, createTestContext, csrfFrom, loginAs, unitId, REVISION_1, type TestContext, type Agent } from '../helpers/test-app';
import { readDocx } from '../helpers/docx';

const download = (agent: Agent, url: string) => agent.get(url).buffer(true).responseType('blob');
const stored = (ctx: TestContext) => ctx.db.prepare('SELECT section, body FROM renaksi_narratives ORDER BY section').all() as { section: string; body: string }[];
/** The editor's form as loaded, with `changes` typed over it. */
async function loadedForm(agent: Agent, url: string, changes: Record<string, string> = {}): Promise<Record<string, string>> {
  const page = await agent.get(`${url}/narasi`);
  const version = /name="version" value="([^"]*)"/.exec(page.text)?.[1] ?? '';
  return { _csrf: csrfFrom(page.text), version, ...NARRATIVE_DEFAULTS, ...changes };
}

describe('the Renaksi narrative document over HTTP', () => {
  let ctx: TestContext;
  let tim: string;
  let url: string;
  let docxUrl: string;

  // Four of the 57 units submitted: Busang (A1 = 1, the rest 4), Telen (all 4), Dinas Kesehatan (A1 = 3, verified) and
  // Sangatta Utara with one answer only (incomplete); 53 did not submit. The team drafts the plan.
  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    const adminId = (await buildUser(ctx.repos, { role: 'admin' })).id;
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-BUSANG'), fill: 4, levels: { A1: 1 }, status: 'diajukan', userId: adminId });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-TELEN'), fill: 4, status: 'diajukan', userId: adminId });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'PD-DINKES'), fill: 4, levels: { A1: 3 }, status: 'diverifikasi', userId: adminId });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-SANGATTA-UTARA'), levels: { A1: 2 }, status: 'diajukan', userId: adminId });
    tim = (await buildUser(ctx.repos, { role: 'tim_renaksi' })).username;
    url = `/periods/${ctx.periodId}/renaksi`;
    docxUrl = `${url}.docx`;
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`${url}/generate`).type('form').send({ _csrf: csrf });
  });

  it.each<Role>(['admin', 'tim_renaksi', 'verifikator', 'fasilitator'])('lets %s download the narrative as a Word document', async (role) => {
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role })).username);

    const res = await download(agent, docxUrl);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(`renaksi-sp4n-lapor-periode-${ctx.periodId}-narasi.docx`);
    expect((await readDocx(res.body as Buffer)).kind).toBe('docx');
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export.renaksi.docx'").get()).toEqual({ n: 1 });
  });

  it('refuses a narahubung the document and the editor (403)', async () => {
    const { agent, csrf } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') })).username);

    const responses = [await agent.get(docxUrl), await agent.get(`${url}/narasi`), await agent.post(`${url}/narasi`).type('form').send({ ...NARRATIVE_DEFAULTS, _csrf: csrf })];

    expect(responses.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(stored(ctx)).toEqual([]);
  });

  it('prints every chapter with the figures of the data, the real legal basis and the signature block', async () => {
    const { agent } = await loginAs(ctx.app, tim);

    const { text, names } = await readDocx((await download(agent, docxUrl)).body as Buffer);

    for (const heading of ['BAB I', 'PENDAHULUAN', 'BAB II', 'KONDISI AWAL', 'BAB III', 'STRATEGI DAN SASARAN', 'BAB IV', 'RENCANA AKSI', 'BAB V', 'MEKANISME MONITORING DAN EVALUASI', 'BAB VI', 'PENUTUP']) {
      expect(text.split('\n')).toContain(heading);
    }
    expect(text).toContain('Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik');
    expect(text).toContain('Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik');
    expect(text).toContain('Nomor 62 Tahun 2018 tentang Pedoman Nasional Pengelolaan Pengaduan Pelayanan Publik');
    expect(text).toContain('Nomor 46 Tahun 2020 tentang Road Map');
    // Busang: A1 = 1, the rest 4 → A = (25 + 4 × 100) / 5 = 85, index 0,15 × 85 + 0,85 × 100 = 97,75; Telen 100;
    // Dinkes: A1 = 3 → A = 95, index 99,25. Kabupaten (97,75 + 100 + 99,25) / 3 = 99,00.
    expect(text).toContain('Indeks pengelolaan pengaduan Kabupaten Kutai Timur adalah 99,00 dengan kategori Sangat Baik, yaitu rata-rata indeks 3 unit yang dihitung.');
    expect(text).toContain('Penilaian Mandiri SP4N-LAPOR! 2022 mencakup seluruh 57 unit Pemerintah Kabupaten Kutai Timur, terdiri atas 39 perangkat daerah dan 18 kecamatan.');
    expect(text).toContain('Sebanyak 3 dari 57 unit telah mengajukan penilaian secara lengkap dan dihitung dalam indeks; 53 unit belum mengajukan penilaian dan 1 unit mengajukan penilaian yang belum lengkap.');
    // Per group: perangkat daerah Dinkes alone 99,25 (1 of 39); kecamatan (97,75 + 100) / 2 = 98,875 → 98,88 (2 of 18).
    expect(text).toContain('Perangkat Daerah\n1 dari 39\n99,25\nSangat Baik\nKecamatan\n2 dari 18\n98,88\nSangat Baik\nKabupaten\n3 dari 57\n99,00\nSangat Baik');
    // Aspect A: (85 + 100 + 95) / 3 = 93,33 (Sangat Baik); perangkat daerah 95,00; kecamatan (85 + 100) / 2 = 92,50.
    expect(text).toMatch(/\nA\nKebijakan[^\n]*\n15\n93,33\nSangat Baik\n95,00\n92,50\n/);
    // Categories over all 57 units: 1 PD + 2 kecamatan Sangat Baik, Sangatta Utara incomplete, 38 + 15 not submitted.
    expect(text).toContain('Sangat Baik\n1\n2\n3\nBaik\n0\n0\n0\nSedang\n0\n0\n0\nKurang\n0\n0\n0\nDiajukan, belum lengkap\n0\n1\n1\nBelum mengajukan penilaian\n38\n15\n53\nJumlah\n39\n18\n57');
    expect(text).toMatch(/Unit yang belum mengajukan penilaian: perangkat daerah \(38\): Sekretariat Daerah, Sekretariat DPRD, /);
    expect(text).toContain('Unit yang mengajukan penilaian tetapi belum lengkap: kecamatan (1): Kecamatan Sangatta Utara.');
    // 54 units did not submit and start from level 0, so every one of the 30 indicators has a Lampiran I row, under
    // the six aspects as sasaran I–VI; the summary points to Lampiran I and II.
    expect(text).toContain('Rencana Aksi tahun 2022–2024 memuat 30 kegiatan dalam 6 sasaran');
    expect(text).toMatch(/\nI\. Kebijakan dan Komitmen Pimpinan \(skor awal 93,33, kategori Sangat Baik\): bertambahnya unit yang mencapai tingkat target pada 5 indikator, yaitu A\d /);
    expect(text).toMatch(/\nVI\. Monev dan Pemanfaatan Data \(skor awal 100,00, kategori Sangat Baik\): [^\n]* 5 indikator, yaitu F\d /);
    expect(text).toMatch(/\nI\nKebijakan dan Komitmen Pimpinan\n5\nA\d, A\d, A\d, A\d, A\d\n– /);
    expect(text).toContain('\nJumlah\n30\n');
    expect(text).toContain('Lampiran I Matriks Rencana Aksi Kabupaten');
    expect(text).toContain('Lampiran II Peta Target per Unit');
    expect(text).toContain('Lampiran III');
    expect(text).toContain('monitoring dan evaluasi dilaksanakan dalam 6 semester pelaporan');
    // No date set: no place-and-date line, the office and the name only.
    expect(text).toContain('BUPATI KUTAI TIMUR,\nH. ARDIANSYAH SULAIMAN');
    expect(text).not.toMatch(/\nSangatta, \d/);
    // The instrument of this period has no kabupaten checklist: the section is left out.
    expect(text).not.toContain('Kondisi Tingkat Kabupaten');
    expect(names.filter((n) => n.startsWith('word/media/') && n.endsWith('.png'))).toHaveLength(1);
  });

  it('prints the place and date once the team sets a date, on the paper the settings choose', async () => {
    const { agent } = await loginAs(ctx.app, tim);
    ctx.repos.settings.set('renaksi.date', '2022-09-28');
    ctx.repos.settings.set('renaksi.paper', 'a4');

    const { text, xml } = await readDocx((await download(agent, docxUrl)).body as Buffer);

    expect(text).toContain('Sangatta, 28 September 2022\nBUPATI KUTAI TIMUR,\nH. ARDIANSYAH SULAIMAN');
    // A4 portrait: 210 × 297 mm in twips; page numbers restart at 1 after the cover.
    expect(xml.match(/<w:pgSz [^>]*>/g)).toEqual(['<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>', '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>']);
    expect(xml.match(/<w:pgNumType[^>]*>/g)).toEqual(['<w:pgNumType/>', '<w:pgNumType w:start="1"/>']);
  });

  it('prints on F4 by default', async () => {
    const { agent } = await loginAs(ctx.app, tim);

    const { xml } = await readDocx((await download(agent, docxUrl)).body as Buffer);

    // 215 × 330 mm in twips.
    expect(xml.match(/<w:pgSz [^>]*>/g)).toEqual(['<w:pgSz w:w="12189" w:h="18709" w:orient="portrait"/>', '<w:pgSz w:w="12189" w:h="18709" w:orient="portrait"/>']);
  });

  it('stores an edited paragraph for the plan and prints it in the document', async () => {
    const { agent } = await loginAs(ctx.app, tim);
    const latar = 'Pemerintah Kabupaten Kutai Timur meluncurkan Renaksi SP4N-LAPOR! pada 28 September 2022.\r\nParagraf kedua.';

    const res = await agent.post(`${url}/narasi`).type('form').send(await loadedForm(agent, url, { latarBelakang: latar }));

    expect(res.status).toBe(302);
    expect(stored(ctx)).toEqual([{ section: 'latarBelakang', body: 'Pemerintah Kabupaten Kutai Timur meluncurkan Renaksi SP4N-LAPOR! pada 28 September 2022.\nParagraf kedua.' }]);
    const { text } = await readDocx((await download(agent, docxUrl)).body as Buffer);
    expect(text).toContain('Latar Belakang\nPemerintah Kabupaten Kutai Timur meluncurkan Renaksi SP4N-LAPOR! pada 28 September 2022.\nParagraf kedua.\n');
    expect(text).not.toContain('Pengaduan masyarakat merupakan sumber informasi');
    const page = await agent.get(`${url}/narasi`);
    expect(page.text).toContain('Ditulis tim, terakhir disimpan');
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'renaksi.narrative'").get()).toEqual({ n: 1 });
  });

  it('numbers the legal basis itself and prints the team\'s list', async () => {
    const { agent } = await loginAs(ctx.app, tim);

    await agent.post(`${url}/narasi`).type('form').send(await loadedForm(agent, url, {
      dasarHukum: '1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\nPeraturan Bupati Kutai Timur tentang Pengelolaan Pengaduan.',
    }));

    const { text } = await readDocx((await download(agent, docxUrl)).body as Buffer);
    expect(text).toContain('Dasar Hukum\n1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n2. Peraturan Bupati Kutai Timur tentang Pengelolaan Pengaduan.\n');
  });

  it('keeps every typed value and returns 422 naming the field when a section is empty or an item too long', async () => {
    const { agent } = await loginAs(ctx.app, tim);
    const form = await loadedForm(agent, url, { latarBelakang: '   ', strategi: 'Strategi baru yang diketik tim.', dasarHukum: 'x'.repeat(601) });

    const res = await agent.post(`${url}/narasi`).type('form').send(form);

    expect(res.status).toBe(422);
    expect(res.text).toContain('BAB I A. Latar Belakang wajib diisi.');
    expect(res.text).toContain('butir 1 lebih dari 600 karakter');
    expect(res.text).toContain('Strategi baru yang diketik tim.</textarea>');
    expect(res.text).toMatch(/id="latarBelakang"[^>]*aria-invalid="true"/);
    expect(stored(ctx)).toEqual([]);
  });

  it('refuses a form without its CSRF token and stores nothing', async () => {
    const { agent } = await loginAs(ctx.app, tim);
    const { _csrf: _ignored, ...form } = await loadedForm(agent, url, { penutup: 'Penutup tanpa token.' });

    const res = await agent.post(`${url}/narasi`).type('form').send(form);

    expect(res.status).toBe(403);
    expect(stored(ctx)).toEqual([]);
  });

  it('stores a text put back to its default as following the default again', async () => {
    const { agent } = await loginAs(ctx.app, tim);
    await agent.post(`${url}/narasi`).type('form').send(await loadedForm(agent, url, { penutup: 'Penutup versi tim.' }));

    const res = await agent.post(`${url}/narasi`).type('form').send(await loadedForm(agent, url, { penutup: NARRATIVE_DEFAULTS.penutup }));

    expect(res.status).toBe(302);
    expect(stored(ctx)).toEqual([]);
  });

  it('refuses a save over someone else\'s newer text with 409, keeping what was typed and showing what is stored', async () => {
    const first = await loginAs(ctx.app, tim);
    const second = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    const stale = await loadedForm(second.agent, url, { monev: 'Monev versi admin.' });
    await first.agent.post(`${url}/narasi`).type('form').send(await loadedForm(first.agent, url, { monev: 'Monev versi tim.' }));

    const res = await second.agent.post(`${url}/narasi`).type('form').send(stale);

    expect(res.status).toBe(409);
    expect(res.text).toContain('Narasi sudah diubah orang lain');
    expect(res.text).toContain('Monev versi admin.</textarea>');
    expect(res.text).toContain('<p class="pre">Monev versi tim.</p>');
    expect(stored(ctx)).toEqual([{ section: 'monev', body: 'Monev versi tim.' }]);
    const again = await second.agent.post(`${url}/narasi`).type('form').send({ ...stale, version: /name="version" value="([^"]*)"/.exec(res.text)?.[1] ?? '' });
    expect(again.status).toBe(302);
    expect(stored(ctx)).toEqual([{ section: 'monev', body: 'Monev versi admin.' }]);
  });

  it('refuses narrative edits on a final plan with 409 and keeps the typed text', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const form = await loadedForm(agent, url, { penutup: 'Penutup setelah final.' });
    await agent.post(`${url}/finalize`).type('form').send({ _csrf: csrf });

    const res = await agent.post(`${url}/narasi`).type('form').send(form);

    expect(res.status).toBe(409);
    expect(res.text).toContain('Renaksi sudah final');
    expect(res.text).toContain('Penutup setelah final.</textarea>');
    expect(stored(ctx)).toEqual([]);
  });

  it('links the document and the editor from the Renaksi page (the editor for the team only)', async () => {
    const team = await loginAs(ctx.app, tim);
    const reader = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);

    const [teamPage, readerPage] = [await team.agent.get(url), await reader.agent.get(url)];

    expect(teamPage.text).toContain(`href="${docxUrl}"`);
    expect(teamPage.text).toContain(`href="${url}/narasi"`);
    expect(readerPage.text).toContain(`href="${docxUrl}"`);
    expect(readerPage.text).not.toContain(`href="${url}/narasi"`);
  });

  it('shows every section with its default text on the editor page', async () => {
    const { agent } = await loginAs(ctx.app, tim);

    const page = await agent.get(`${url}/narasi`);

    expect(page.status).toBe(200);
    for (const s of NARRATIVE_SECTIONS) expect(page.text).toContain(`name="${s}"`);
    expect(page.text).toContain('Teks bawaan aplikasi.');
  });
});
