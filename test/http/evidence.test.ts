import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { buildAssessment, buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { evidenceFiles, questionnaireRows } from '../helpers/db-snapshot';
import { EXE_BYTES, fixture, pdfBytes, PNG_BYTES } from '../helpers/evidence-files';

const LIMIT = 64 * 1024;

type Agent = ReturnType<typeof request.agent>;

/** Reads a binary response body into a Buffer. */
function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('evidence files and links', () => {
  let ctx: TestContext;
  let dataDir: string;
  let busang: number;
  let telen: number;
  let nara: { id: number; username: string };

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-bukti-'));
    ctx = createTestContext({ dataDir, uploadMaxBytes: LIMIT });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    telen = unitId(ctx.repos, 'KEC-TELEN');
    nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'nara.busang' });
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const page = (unit: number) => `/periods/${ctx.periodId}/units/${unit}/assessment`;

  function upload(agent: Agent, csrf: string | null, unit: number, files: [string, Buffer, string][], fields: Record<string, string> = {}) {
    let req = agent.post(page(unit));
    if (csrf !== null) req = req.field('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    for (const [field, data, name] of files) req = req.attach(field, data, name);
    return req;
  }

  it('stores an uploaded PDF under its SHA-256 outside public/, lists it with size and uploader, and audits it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);
    const pdf = pdfBytes();
    const sha = crypto.createHash('sha256').update(pdf).digest('hex');

    const res = await upload(agent, csrf, busang, [['file_A1', pdf, 'SK Camat – Busang.pdf']], { level_A1: '3', v_A1: '0', go: 'A1' });
    const shown = await agent.get(page(busang));

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${page(busang)}#ind-A1`);
    expect(evidenceFiles(dataDir)).toEqual([sha]);
    expect(fs.readFileSync(path.join(dataDir, 'evidence', sha))).toEqual(pdf);
    const row = ctx.db.prepare("SELECT indicator_code, kind, file_name, file_size, file_sha256, mime_type FROM evidence").get();
    expect(row).toEqual({ indicator_code: 'A1', kind: 'file', file_name: 'SK Camat – Busang.pdf', file_size: pdf.length, file_sha256: sha, mime_type: 'application/pdf' });
    expect(ctx.db.prepare("SELECT level FROM answers WHERE indicator_code = 'A1'").get()).toEqual({ level: 3 });
    const audit = ctx.db.prepare("SELECT new_value FROM audit_log WHERE action = 'evidence.add'").get() as { new_value: string };
    expect(JSON.parse(audit.new_value)).toMatchObject({ indikator: 'A1', berkas: 'SK Camat – Busang.pdf', sha256: sha });
    expect(shown.text).toContain('SK Camat – Busang.pdf');
    expect(shown.text).toContain(`${pdf.length} B`);
    expect(shown.text).toContain('Pengguna nara.busang');
    expect(shown.text).toContain('1 berkas bukti dukung diunggah.');
  });

  it('accepts the Office formats and an image, each checked by content', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await upload(agent, csrf, busang, [
      ['file_B1', fixture('rekap-pengaduan.xls'), 'rekap-pengaduan.xls'],
      ['file_B2', fixture('sk-camat.docx'), 'sk-camat.docx'],
      ['file_C1', PNG_BYTES, 'foto-loket.png'],
    ]);

    expect(res.status).toBe(302);
    const rows = ctx.db.prepare('SELECT indicator_code, mime_type FROM evidence ORDER BY indicator_code').all();
    expect(rows).toEqual([
      { indicator_code: 'B1', mime_type: 'application/vnd.ms-excel' },
      { indicator_code: 'B2', mime_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { indicator_code: 'C1', mime_type: 'image/png' },
    ]);
  });

  it('answers the page script (Accept: application/json) with the new list item', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await upload(agent, csrf, busang, [['file_A2', pdfBytes(), 'sop.pdf']]).set('Accept', 'application/json');

    expect(res.status).toBe(200);
    expect(res.body.evidence).toHaveLength(1);
    expect(res.body.evidence[0].code).toBe('A2');
    expect(res.body.evidence[0].html).toContain('>sop.pdf</a>');
    expect(res.body.evidence[0].html).toContain('name="del"');
  });

  it('refuses a file over the limit with 413, keeps what was typed and writes nothing to the database or the folder', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);
    const before = questionnaireRows(ctx);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(LIMIT)]);

    const res = await upload(agent, csrf, busang, [['file_A1', big, 'besar.pdf']], { level_A1: '2', note_A1: 'penjelasan yang diketik', v_A1: '0', level_A2: '1', v_A2: '0' });

    expect(res.status).toBe(413);
    expect(res.text).toContain('Indikator A1: berkas &#34;besar.pdf&#34; melebihi batas ukuran 64 KB.');
    expect(res.text).toContain('penjelasan yang diketik');
    expect(res.text).toMatch(/name="level_A2" value="1" checked/);
    expect(questionnaireRows(ctx)).toEqual(before);
    expect(evidenceFiles(dataDir)).toEqual([]);
  });

  it('refuses a far-too-large file by stopping the upload with 413 and writes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);
    const before = questionnaireRows(ctx);

    const res = await upload(agent, csrf, busang, [['file_A1', Buffer.alloc(LIMIT * 4, 0x25), 'video.pdf']]).set('Accept', 'application/json');

    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('file-too-large');
    expect(questionnaireRows(ctx)).toEqual(before);
    expect(evidenceFiles(dataDir)).toEqual([]);
  });

  it.each([
    ['a program renamed to .pdf', EXE_BYTES, 'laporan.pdf', 'tidak diterima: isinya bukan PDF'],
    ['an HTML page named .png', Buffer.from('<html><script>alert(1)</script></html>'), 'foto.png', 'tidak diterima'],
    ['a PNG named .pdf', PNG_BYTES, 'scan.pdf', 'berisi gambar PNG; ganti nama berkas dengan ekstensi .png'],
    ['an empty file', Buffer.alloc(0), 'kosong.pdf', 'kosong'],
  ])('refuses %s with 422 and writes nothing', async (_what, data, name, message) => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);
    const before = questionnaireRows(ctx);

    const res = await upload(agent, csrf, busang, [['file_A1', data, name]], { level_A1: '2', v_A1: '0' });

    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(questionnaireRows(ctx)).toEqual(before);
    expect(evidenceFiles(dataDir)).toEqual([]);
  });

  it('refuses a file sent for an unknown indicator and more files than allowed at once', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);
    const before = questionnaireRows(ctx);

    const unknown = await upload(agent, csrf, busang, [['file_Z9', pdfBytes(), 'a.pdf']]);
    const many = await upload(agent, csrf, busang, ['A1', 'A2', 'A3', 'A4', 'A5', 'B1'].map((c): [string, Buffer, string] => [`file_${c}`, pdfBytes(c), `${c}.pdf`]));

    expect(unknown.status).toBe(422);
    expect(many.status).toBe(422);
    expect(many.text).toContain('Unggah paling banyak 5 berkas sekaligus.');
    expect(questionnaireRows(ctx)).toEqual(before);
    expect(evidenceFiles(dataDir)).toEqual([]);
  });

  it('refuses a multipart upload without the CSRF token with 403 and writes nothing', async () => {
    const { agent } = await loginAs(ctx.app, nara.username);
    const before = questionnaireRows(ctx);

    const res = await upload(agent, null, busang, [['file_A1', pdfBytes(), 'sk.pdf']], { level_A1: '4' });
    const wrong = await upload(agent, 'bukan-token', busang, [['file_A1', pdfBytes(), 'sk.pdf']]);

    expect(res.status).toBe(403);
    expect(wrong.status).toBe(403);
    expect(questionnaireRows(ctx)).toEqual(before);
    expect(evidenceFiles(dataDir)).toEqual([]);
  });

  it("refuses an upload to another unit with 403 and to a locked assessment with 409, writing nothing", async () => {
    buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: nara.id });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);
    const before = questionnaireRows(ctx);

    const other = await upload(agent, csrf, telen, [['file_A1', pdfBytes(), 'sk.pdf']]);
    const locked = await upload(agent, csrf, busang, [['file_A1', pdfBytes(), 'sk.pdf']]);

    expect(other.status).toBe(403);
    expect(locked.status).toBe(409);
    expect(questionnaireRows(ctx)).toEqual(before);
    expect(evidenceFiles(dataDir)).toEqual([]);
  });

  it('keeps only the base of a file name with folders in it and never uses it on disk', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await upload(agent, csrf, busang, [['file_A1', pdfBytes(), '../../etc/passwd.pdf']]);

    expect(res.status).toBe(302);
    expect(ctx.db.prepare('SELECT file_name FROM evidence').get()).toEqual({ file_name: 'passwd.pdf' });
    expect(evidenceFiles(dataDir)).toEqual([crypto.createHash('sha256').update(pdfBytes()).digest('hex')]);
  });

  describe('downloads', () => {
    let evidenceId: number;
    const pdf = pdfBytes('unduhan');

    beforeEach(async () => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);
      await upload(agent, csrf, busang, [['file_A1', pdf, 'Surat Keputusan Camat.pdf']]);
      evidenceId = (ctx.db.prepare('SELECT id FROM evidence').get() as { id: number }).id;
    });

    const url = (unit: number, id: number) => `${page(unit)}/evidence/${id}`;

    it.each(['narahubung', 'admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const)(
      'serves the file to a %s allowed to see the unit, as an attachment that is never sniffed',
      async (role) => {
        const username = role === 'narahubung' ? nara.username : (await buildUser(ctx.repos, { role })).username;
        const { agent } = await loginAs(ctx.app, username);

        const res = await agent.get(url(busang, evidenceId)).buffer(true).parse(binary);

        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toBe('attachment; filename="Surat Keputusan Camat.pdf"');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
      },
    );

    it('lists the file with its download link, read-only, to a verifikator once submitted', async () => {
      buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: nara.id });
      const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);

      const res = await agent.get(page(busang));

      expect(res.text).toContain(`href="${page(busang)}/evidence/${evidenceId}">Surat Keputusan Camat.pdf</a>`);
      expect(res.text).not.toContain('name="del"');
      expect(res.text).not.toContain('type="file"');
    });

    it("refuses another unit's narahubung with 403, and 404 for the id under their own unit", async () => {
      const telenNara = await buildUser(ctx.repos, { role: 'narahubung', unitId: telen });
      const { agent } = await loginAs(ctx.app, telenNara.username);

      const direct = await agent.get(url(busang, evidenceId));
      const disguised = await agent.get(url(telen, evidenceId));

      expect(direct.status).toBe(403);
      expect(disguised.status).toBe(404);
    });

    it('sends a visitor without a session to the login form', async () => {
      const res = await request(ctx.app).get(url(busang, evidenceId));

      expect(res.status).toBe(302);
      expect(res.headers.location).toMatch(/^\/login/);
    });
  });

  describe('deleting', () => {
    let evidenceId: number;

    beforeEach(async () => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);
      await upload(agent, csrf, busang, [['file_A1', pdfBytes(), 'sk.pdf']], { level_A1: '2', v_A1: '0' });
      evidenceId = (ctx.db.prepare('SELECT id FROM evidence').get() as { id: number }).id;
    });

    it('soft-deletes own evidence, audits it, hides it and warns again that level ≥ 1 lacks evidence', async () => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);

      const res = await agent.post(`${page(busang)}/evidence/${evidenceId}/delete`).set('X-CSRF-Token', csrf).set('Accept', 'application/json');
      const shown = await agent.get(page(busang));

      expect(res.status).toBe(200);
      expect(ctx.db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM evidence').get()).toEqual({ gone: 1 });
      expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'evidence.delete'").get()).toEqual({ n: 1 });
      expect(shown.text).not.toContain('>sk.pdf</a>');
      expect(shown.text).toContain('Tingkat 1 ke atas memerlukan bukti dukung');
      expect(evidenceFiles(dataDir)).toHaveLength(1);
    });

    it('soft-deletes evidence ticked in the no-JavaScript form while saving the answers', async () => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);

      const res = await agent.post(page(busang)).type('form').send({ _csrf: csrf, del: String(evidenceId), level_A1: '1', v_A1: '1' });

      expect(res.status).toBe(302);
      expect(ctx.db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM evidence').get()).toEqual({ gone: 1 });
      expect(ctx.db.prepare("SELECT level FROM answers WHERE indicator_code = 'A1'").get()).toEqual({ level: 1 });
    });

    it("refuses deleting someone else's evidence (403), after submission (409) and without CSRF (403), changing nothing", async () => {
      const rekan = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
      const asRekan = await loginAs(ctx.app, rekan.username);
      const asNara = await loginAs(ctx.app, nara.username);
      const before = questionnaireRows(ctx);

      const notOwn = await asRekan.agent.post(`${page(busang)}/evidence/${evidenceId}/delete`).set('X-CSRF-Token', asRekan.csrf);
      const noCsrf = await asNara.agent.post(`${page(busang)}/evidence/${evidenceId}/delete`);
      const afterNotOwn = questionnaireRows(ctx);
      buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: nara.id });
      const lockedBefore = questionnaireRows(ctx);
      const locked = await asNara.agent.post(`${page(busang)}/evidence/${evidenceId}/delete`).set('X-CSRF-Token', asNara.csrf);

      expect(notOwn.status).toBe(403);
      expect(noCsrf.status).toBe(403);
      expect(afterNotOwn).toEqual(before);
      expect(locked.status).toBe(409);
      expect(questionnaireRows(ctx)).toEqual(lockedBefore);
    });
  });

  describe('links', () => {
    const links = () => `/api/periods/${ctx.periodId}/units/${busang}/evidence-links`;

    it('adds a link for the page script and answers with the list item', async () => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);

      const res = await agent.post(links()).set('X-CSRF-Token', csrf).send({ indicator: 'C2', url: 'https://lapor.go.id/instansi/busang' });

      expect(res.status).toBe(201);
      expect(res.body.evidence[0].html).toContain('href="https://lapor.go.id/instansi/busang"');
      expect(ctx.db.prepare("SELECT indicator_code, url FROM evidence WHERE kind = 'link'").get()).toEqual({ indicator_code: 'C2', url: 'https://lapor.go.id/instansi/busang' });
    });

    it.each([
      [{ indicator: 'C2', url: 'javascript:alert(1)' }, 'url'],
      [{ indicator: 'C2', url: '' }, 'url'],
      [{ indicator: 'Z9', url: 'https://contoh.go.id' }, 'indicator'],
    ])('refuses %j with 422 and writes nothing', async (body, fieldName) => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);
      const before = questionnaireRows(ctx);

      const res = await agent.post(links()).set('X-CSRF-Token', csrf).send(body);

      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.fields)).toContain(fieldName);
      expect(questionnaireRows(ctx)).toEqual(before);
    });
  });
});
