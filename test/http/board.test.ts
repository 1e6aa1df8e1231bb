import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { readWorkbook } from '../helpers/workbook';

/** Unit names in the order the board table lists them. */
function boardNames(html: string): string[] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/\/assessment">([^<]+)<\/a>/g)].map((m) => m[1] as string);
}

describe('completion board', () => {
  let ctx: TestContext;
  let admin: { id: number; username: string };
  let busang: number;
  let telen: number;
  let dinkes: number;

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    admin = await buildUser(ctx.repos, { role: 'admin' });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    telen = unitId(ctx.repos, 'KEC-TELEN');
    dinkes = unitId(ctx.repos, 'PD-DINKES');
    await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'siti.busang' });
    await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'andi.busang' });
    const a = buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: admin.id });
    ctx.repos.evidence.insertLink(a, 'A1', 'https://busang.example.go.id/a1.pdf', admin.id);
    ctx.repos.evidence.insertLink(a, 'A2', 'https://busang.example.go.id/a2.pdf', admin.id);
    buildAssessment(ctx, { unitId: telen, levels: { A1: 1, A2: 2, B1: 'na' }, userId: admin.id });
    buildAssessment(ctx, { unitId: dinkes, fill: 4, status: 'diverifikasi', userId: admin.id });
  });

  const board = (qs = '') => `/periods/${ctx.periodId}/units${qs}`;

  it('shows every active unit with status, answered count, evidence count, last activity and narahubung names', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);

    const res = await agent.get(board());

    expect(res.status).toBe(200);
    const activeUnits = ctx.repos.units.listActive().length;
    expect(boardNames(res.text)).toHaveLength(activeUnits);
    const busangRow = res.text.slice(res.text.indexOf('>Kecamatan Busang<'), res.text.indexOf('</tr>', res.text.indexOf('>Kecamatan Busang<')));
    expect(busangRow).toContain('Diajukan');
    expect(busangRow).toContain('30 dari 30');
    expect(busangRow).toMatch(/<td class="num"[^>]*>2<\/td>/);
    expect(busangRow).toContain('Pengguna andi.busang, Pengguna siti.busang');
    expect(busangRow).toMatch(/\d{1,2} \w+ \d{4} pukul \d{2}\.\d{2}/);
    const telenRow = res.text.slice(res.text.indexOf('>Kecamatan Telen<'), res.text.indexOf('</tr>', res.text.indexOf('>Kecamatan Telen<')));
    expect(telenRow).toContain('3 dari 30');
    expect(telenRow).toContain('Draf');
    expect(res.text).toContain(`href="/admin/units/${busang}/history"`);
  });

  it('filters by group and status on the server', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);

    const kecamatan = await agent.get(board('?kelompok=kecamatan'));
    const submittedKec = await agent.get(board('?kelompok=kecamatan&status=diajukan'));
    const notStarted = await agent.get(board('?status=belum_mulai'));

    expect(boardNames(kecamatan.text)).toHaveLength(18);
    expect(boardNames(submittedKec.text)).toEqual(['Kecamatan Busang']);
    expect(boardNames(notStarted.text)).not.toContain('Kecamatan Telen');
    expect(boardNames(notStarted.text)).toHaveLength(ctx.repos.units.listActive().length - 3);
  });

  it('sorts by a column in either direction through the query string and marks the sorted header', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);

    const byAnsweredDesc = await agent.get(board('?kelompok=kecamatan&urut=terjawab&arah=desc'));
    const byStatus = await agent.get(board('?urut=status&arah=desc'));

    expect(boardNames(byAnsweredDesc.text).slice(0, 2)).toEqual(['Kecamatan Busang', 'Kecamatan Telen']);
    expect(byAnsweredDesc.text).toContain('aria-sort="descending"');
    expect(boardNames(byStatus.text)[0]).toBe('Dinas Kesehatan');
  });

  it('falls back to the default board for unknown filter values', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);

    const res = await agent.get(board('?kelompok=kabupaten&status=hilang&urut=sembarang&arah=naik'));

    expect(res.status).toBe(200);
    expect(boardNames(res.text)).toHaveLength(ctx.repos.units.listActive().length);
  });

  it('hides a deactivated unit that never started but keeps one with an assessment, marked nonaktif', async () => {
    const kaubun = unitId(ctx.repos, 'KEC-KAUBUN');
    ctx.repos.units.setActive(kaubun, false);
    ctx.repos.units.setActive(telen, false);
    const { agent } = await loginAs(ctx.app, admin.username);

    const res = await agent.get(board('?kelompok=kecamatan'));

    expect(boardNames(res.text)).not.toContain('Kecamatan Kaubun');
    expect(boardNames(res.text)).toContain('Kecamatan Telen');
    expect(res.text).toContain('<span class="badge">nonaktif</span>');
  });

  it('runs as many SQL statements for 30 started units as for 3: the counts come from one board query', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);
    type Method = 'all' | 'get' | 'run';
    const proto = Object.getPrototypeOf(ctx.db.prepare('SELECT 1')) as Record<Method, (...args: unknown[]) => unknown>;
    let executed = 0;
    const spies = (['all', 'get', 'run'] as const).map((m) => {
      const original = proto[m];
      return jest.spyOn(proto, m).mockImplementation(function (this: unknown, ...args: unknown[]) {
        executed++;
        return original.apply(this, args);
      });
    });
    const countFor = async () => {
      executed = 0;
      expect((await agent.get(board())).status).toBe(200);
      return executed;
    };
    await countFor();

    const withThree = await countFor();
    for (const u of ctx.repos.units.listActive().slice(0, 27)) {
      const id = buildAssessment(ctx, { unitId: u.id, fill: 1, userId: admin.id });
      ctx.repos.evidence.insertLink(id, 'A1', 'https://contoh.go.id/bukti.pdf', admin.id);
    }
    const withThirty = await countFor();
    spies.forEach((s) => s.mockRestore());

    expect(withThree).toBeGreaterThan(0);
    expect(withThirty).toBe(withThree);
  });

  it('exports the filtered, sorted board to a workbook with numbers stored as numbers', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);

    const res = await agent.get(`/periods/${ctx.periodId}/units.xlsx?kelompok=kecamatan&urut=terjawab&arah=desc`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await readWorkbook(res.body as Buffer);
    const ws = wb.getWorksheet('Status Pengisian');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell(1, 1).value).toBe(`Status Pengisian Penilaian Mandiri – ${ctx.repos.periods.findById(ctx.periodId)?.name}`);
    // the 18 kecamatan of Kutai Timur's 57 units
    expect(String(ws.getCell(2, 1).value)).toContain('Kelompok: Kecamatan · Status: semua · 18 dari 57 unit');
    expect(ws.getRow(4).values).toEqual([undefined, 'No.', 'Kode', 'Unit', 'Kelompok', 'Status', 'Indikator terjawab', 'Jumlah indikator', 'Bukti dukung', 'Aktivitas terakhir (WITA)', 'Narahubung']);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(5, c).value)).toEqual([1, 'KEC-BUSANG', 'Kecamatan Busang', 'Kecamatan', 'Diajukan', 30, 30, 2]);
    expect(ws.getCell(5, 9).value).toBeInstanceOf(Date);
    expect(ws.getCell(5, 10).value).toBe('Pengguna andi.busang, Pengguna siti.busang');
    expect(ws.getCell(6, 3).value).toBe('Kecamatan Telen');
    expect(ws.getCell(6, 6).value).toBe(3);
    expect(ws.getCell(7, 9).value).toBe('–');
    expect(ws.rowCount).toBe(4 + 18);
  });

  it.each(['narahubung', 'tim_renaksi'] as const)('forbids a %s the board and its export', async (role) => {
    const user = await buildUser(ctx.repos, { role, unitId: role === 'narahubung' ? busang : null });
    const { agent } = await loginAs(ctx.app, user.username);

    const page = await agent.get(board());
    const xlsx = await agent.get(`/periods/${ctx.periodId}/units.xlsx`);

    expect(page.status).toBe(403);
    expect(xlsx.status).toBe(403);
  });

  it('lets the fasilitator see the board without the verification and history actions', async () => {
    const user = await buildUser(ctx.repos, { role: 'fasilitator' });
    const { agent } = await loginAs(ctx.app, user.username);

    const res = await agent.get(board());

    expect(res.status).toBe(200);
    expect(res.text).not.toContain('/history"');
    expect(res.text).not.toContain('/verification"');
  });
});
