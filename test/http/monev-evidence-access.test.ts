import fs from 'node:fs';
import { loginAs, type TestContext } from '../helpers/test-app';
import { pdfBytes } from '../helpers/evidence-files';
import { monevTestContext, rowReportForm, type MonevSetup } from '../helpers/monev';

/**
 * Evidence files of the monev by id: a narahubung who walks the ids gets only the files of the reports they may see
 * (their unit's own part, the rows their unit coordinates); every other id is refused, and the refusal does not
 * depend on which semester or report the id belongs to.
 */
describe('monev evidence downloads walked by id', () => {
  let ctx: TestContext;
  let dataDir: string;
  let m: MonevSetup;

  beforeEach(async () => {
    ({ ctx, m, dataDir } = await monevTestContext());
  });

  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("gives each narahubung only their own reports' files and the staff every one", async () => {
    const setda = await loginAs(ctx.app, m.users.setda);
    const busang = await loginAs(ctx.app, m.users.busang);
    const telen = await loginAs(ctx.app, m.users.telen);
    await setda.agent.post(`${m.url}/rows/${m.rowA1}/2022-1`).field(rowReportForm(setda.csrf)).attach('file_R1', pdfBytes('baris'), 'baris.pdf');
    await busang.agent.post(`${m.url}/units/${m.busang}/2022-2`).field({
      _csrf: busang.csrf, version: '0', action: 'simpan', status_A1: 'berjalan', activity_A1: 'SK disusun', kendala_A1: '', link_A1: '',
      status_A2: '', activity_A2: '', kendala_A2: '', link_A2: '',
    }).attach('file_A1', pdfBytes('busang'), 'busang.pdf');
    const files = ctx.db.prepare("SELECT id, file_name FROM monev_evidence WHERE kind = 'file' ORDER BY id").all() as { id: number; file_name: string }[];
    const verifikator = await loginAs(ctx.app, m.users.verifikator);
    const walk = async (agent: typeof setda.agent) => {
      const got: string[] = [];
      for (let id = 1; id <= files.length + 2; id++) if ((await agent.get(`${m.url}/evidence/${id}`)).status === 200) got.push(files.find((f) => f.id === id)?.file_name ?? `?${id}`);
      return got;
    };

    const bySetda = await walk(setda.agent);
    const byBusang = await walk(busang.agent);
    const byTelen = await walk(telen.agent);
    const byVerifikator = await walk(verifikator.agent);

    expect(files.map((f) => f.file_name)).toEqual(['baris.pdf', 'busang.pdf']);
    expect(bySetda).toEqual(['baris.pdf']);
    expect(byBusang).toEqual(['busang.pdf']);
    expect(byTelen).toEqual([]);
    expect(byVerifikator).toEqual(['baris.pdf', 'busang.pdf']);
  });

  it("refuses another period's URL for a file of this period's plan", async () => {
    const setda = await loginAs(ctx.app, m.users.setda);
    await setda.agent.post(`${m.url}/rows/${m.rowA1}/2022-1`).field(rowReportForm(setda.csrf)).attach('file_R1', pdfBytes('baris'), 'baris.pdf');
    const other = Number(ctx.db.prepare("INSERT INTO periods (name, year, instrument_id, created_at) SELECT 'Periode lain', 2023, instrument_id, created_at FROM periods WHERE id = ?").run(ctx.periodId).lastInsertRowid);

    const res = await setda.agent.get(`/periods/${other}/renaksi/monev/evidence/1`);

    expect(res.status).toBe(404);
  });
});
