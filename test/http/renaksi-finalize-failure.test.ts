import { createTestContext, loginAs, type TestContext } from '../helpers/test-app';
import { draftedPlan, renaksiState } from '../helpers/renaksi';
import type * as WorkerPool from '../../src/shared/worker-pool';

// The Renaksi workbook's build past the worker's memory ceiling (as a plan of 2.166 units was before the workbook was
// streamed); every other task runs as usual.
jest.mock('../../src/shared/worker-pool', () => {
  const actual = jest.requireActual<typeof WorkerPool>('../../src/shared/worker-pool');
  const runInWorker: typeof actual.runInWorker = (task, input, opts) =>
    task.name === 'buildRenaksiXlsx' ? Promise.reject(new actual.WorkerLimitError('memory')) : actual.runInWorker(task, input, opts);
  return { ...actual, runInWorker };
});

describe('finalising the Renaksi when its workbook cannot be built', () => {
  let ctx: TestContext;

  beforeEach(() => {
    ctx = createTestContext();
  });

  it('answers 503 saying why, stores no version and leaves the plan a draft', async () => {
    const { tim, url } = await draftedPlan(ctx);
    const before = renaksiState(ctx);
    const { agent, csrf } = await loginAs(ctx.app, tim);

    const res = await agent.post(`${url}/finalize`).type('form').send({ _csrf: csrf });

    expect(res.status).toBe(503);
    expect(res.text).toContain('Dokumen tidak dapat dibuat karena melampaui batas memori atau waktu pembuatan di server.');
    expect(renaksiState(ctx)).toBe(before);
    expect(ctx.repos.renaksi.findPlan(ctx.periodId)?.status).toBe('draf');
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'renaksi.finalize'").get()).toEqual({ n: 0 });
  });
});
