import path from 'node:path';
import ejs from 'ejs';
import { buildAssessment, buildUser, createTestContext, unitId } from '../helpers/test-app';
import { VIEWS_DIR } from '../../src/shared/paths';
import type { User } from '../../src/shared/identity';

/**
 * The two partials the questionnaire page (another branch's view) includes: they read `reviewNotice` from the
 * locals that review.routes.ts sets, so they are rendered here with the same data.
 */
describe('questionnaire decoration partials', () => {
  it('render the active comments at the top and beside their indicator, and nothing for an unrelated indicator', async () => {
    const ctx = createTestContext();
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    const verifier = await buildUser(ctx.repos, { role: 'verifikator' });
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
    buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: admin.id });
    ctx.modules.verification.service.returnAssessment(ctx.repos.users.findById(verifier.id) as User, ctx.periodId, busang, [], [
      { code: 'C2', comment: 'Tautan kanal pengaduan tidak dapat dibuka.' },
      { code: null, comment: 'Perbaiki sebelum 30 November.' },
    ]);
    const locals = { reviewNotice: ctx.modules.verification.service.reviewNotice(ctx.repos.users.findById(nara.id), ctx.periodId, busang), csrfToken: 't', asset: (name: string) => `/static/${name}` };

    const top = await ejs.renderFile(path.join(VIEWS_DIR, 'verification/_comments.ejs'), locals);
    const c2 = await ejs.renderFile(path.join(VIEWS_DIR, 'verification/_indicator-comment.ejs'), { ...locals, code: 'C2' });
    const a1 = await ejs.renderFile(path.join(VIEWS_DIR, 'verification/_indicator-comment.ejs'), { ...locals, code: 'A1' });
    const none = await ejs.renderFile(path.join(VIEWS_DIR, 'verification/_indicator-comment.ejs'), { code: 'C2' });

    expect(top).toContain('<link rel="stylesheet" href="/static/css/cycle.css">');
    expect(top).toContain('Catatan verifikator (putaran 1)');
    expect(top).toContain('Perbaiki sebelum 30 November.');
    expect(top).toContain('<a href="#ind-C2">C2</a>');
    expect(top).toContain(`href="/periods/${ctx.periodId}/units/${busang}/review"`);
    expect(c2).toContain('Tautan kanal pengaduan tidak dapat dibuka.');
    expect(a1.trim()).toBe('');
    expect(none.trim()).toBe('');
  });
});
