import path from 'node:path';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import type { AppConfig } from './config/config';
import type { Db } from './db/database';
import { errorHandler, notFoundHandler } from './errors/error-handler';
import { PROJECT_ROOT, PUBLIC_DIR, VIEWS_DIR } from './shared/paths';
import { createAssets } from './web/assets';
import { rootFiles } from './web/root-files';
import { FORM_HELPERS } from './web/view-helpers';
import { viewLocals } from './web/view-locals';
import { PUBLIC_URL_SETTING } from './web/request-origin';
import { createAuditModule } from './audit';
import { createInstrumentModule } from './instrument';
import { createUnitsModule } from './units';
import { createUsersModule } from './users';
import { createAuthModule } from './auth';
import { createPeriodsModule } from './periods';
import { createEvidenceModule } from './evidence';
import { createAssessmentsModule } from './assessments';
import { createScoringModule } from './scoring';
import { createPeriodSetupModule } from './period-setup';
import { createVerificationModule } from './verification';
import { createQuestionnaireModule } from './questionnaire';
import { createOfflineModule } from './offline';
import { createDashboardModule } from './dashboard';
import { createBoardModule } from './board';
import { createExportsModule } from './exports';
import { createRenaksiModule } from './renaksi';
import { createRenaksiNarrativeModule } from './renaksi-narrative';
import { createMonitoringModule } from './monitoring';
import { createProgressModule } from './progress';
import { createMonevDocumentsModule } from './monev-documents';
import { createHomeModule } from './home';
import { createKabupatenModule } from './kabupaten';
import { createLaporModule } from './lapor';

export interface AppDeps {
  db: Db;
  config: AppConfig;
}

/**
 * Every feature module on one database handle, each given exactly what it needs: its own repositories are made
 * from `db` inside the module; other modules' services are passed in. The order is the dependency order, so a
 * module can only be handed what is already built (no cycles). The CLI, the seed and the benchmark use the same
 * modules.
 */
export function createModules({ db, config }: AppDeps) {
  const audit = createAuditModule({ db });
  const instrument = createInstrumentModule({ db });
  const units = createUnitsModule({ db, audit: audit.service, templatesDir: config.templatesDir });
  const users = createUsersModule({ db, units: units.service, audit: audit.service, passwordCost: config.passwordCost });
  const auth = createAuthModule({ db, config, users: users.service, audit: audit.service });
  const periods = createPeriodsModule({ db, instruments: instrument.service });
  const evidence = createEvidenceModule({ db, dataDir: config.dataDir, uploadMaxBytes: config.uploadMaxBytes, audit: audit.service });
  const assessments = createAssessmentsModule({ db, units: units.service, periods: periods.service, evidence: evidence.service, audit: audit.service });
  const scoring = createScoringModule({ db, periods: periods.service });
  const lapor = createLaporModule({ db, units: units.service, periods: periods.service, assessments: assessments.service, audit: audit.service });
  const periodSetup = createPeriodSetupModule({
    db, periods: periods.service, instruments: instrument.service, assessments: assessments.service, units: units.service, audit: audit.service,
  });
  const verification = createVerificationModule({
    db, assessments: assessments.service, evidence: evidence.service, units: units.service, users: users.service,
    periods: periods.service, periodSetup: periodSetup.service, audit: audit.service, lapor: lapor.service,
  });
  const questionnaire = createQuestionnaireModule({
    assessments: assessments.service, evidence, periods: periods.service, verification: verification.service, lapor: lapor.service,
  });
  const offline = createOfflineModule({ db, assessments: assessments.service, audit: audit.service });
  const kabupaten = createKabupatenModule({ db, periods: periods.service, audit: audit.service, evidence });
  const board = createBoardModule({ db, periods: periods.service, units: units.service, audit: audit.service });
  const exports = createExportsModule({ db, periods: periods.service, assessments: assessments.service, audit: audit.service });
  const renaksi = createRenaksiModule({ db, scoring: scoring.service, periods: periods.service, units: units.service, audit: audit.service, kabupaten: kabupaten.service });
  const renaksiPlanStatus = (periodId: number) => renaksi.service.findPlan(periodId)?.status ?? null;
  const progress = createProgressModule({ periods: periods.service, scoring: scoring.service, renaksi: renaksi.service });
  const dashboard = createDashboardModule({
    db, scoring: scoring.service, periods: periods.service, assessments: assessments.service, users: users.service, audit: audit.service,
    kabupaten: kabupaten.service, progress: progress.service, lapor: lapor.service, renaksiPlanStatus,
  });
  const renaksiNarrative = createRenaksiNarrativeModule({ db, scoring: scoring.service, renaksi: renaksi.service, audit: audit.service, kabupaten: kabupaten.service });
  const monitoring = createMonitoringModule({
    db, renaksi: renaksi.service, periods: periods.service, progress: progress.service, units: units.service, evidence, audit: audit.service,
  });
  const monevDocuments = createMonevDocumentsModule({ db, monitoring: monitoring.service, progress: progress.service, periods: periods.service, audit: audit.service });
  const home = createHomeModule({ periods: periods.service, units: units.service, assessments: assessments.service, verification: verification.service, renaksiPlanStatus });
  return {
    audit, instrument, units, users, auth, periods, evidence, assessments, scoring, periodSetup, verification, questionnaire,
    offline, kabupaten, dashboard, board, exports, renaksi, progress, renaksiNarrative, monitoring, monevDocuments, home, lapor,
  };
}
export type Modules = ReturnType<typeof createModules>;

/**
 * Builds the Express app on an open, migrated database: the map of the application, every module's router under its
 * URL prefix. Routers that share a prefix (/periods/:periodId…) answer disjoint paths, so the order of the mounts does
 * not matter; each route parses its own body and checks its own CSRF token. Listening is server.ts's job (it passes
 * the modules it also schedules housekeeping with).
 */
export function createApp({ db, config }: AppDeps, m: Modules = createModules({ db, config })): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);
  app.set(PUBLIC_URL_SETTING, config.publicUrl);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  // NOTE: Express caches compiled views only when NODE_ENV is production; tests and production both want the
  // cache (tests render thousands of pages), only development wants edited templates picked up on reload.
  app.set('view cache', config.env !== 'development');
  Object.assign(app.locals, FORM_HELPERS);
  const assets = createAssets(PUBLIC_DIR, { 'vendor/chart.umd.min.js': path.join(PROJECT_ROOT, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js') });
  app.locals.asset = assets.url;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
      },
    }),
  );
  const compress = compression();
  // NOTE: a JSON write (autosave) is answered with a few hundred bytes that compression would never touch;
  // skipping its response wrapping takes a measurable share off the hottest path.
  app.use((req, res, next) => (req.method !== 'GET' && req.method !== 'HEAD' && req.is('application/json') ? next() : compress(req, res, next)));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(assets.serve);
  app.use(rootFiles(PUBLIC_DIR));
  app.use('/static', express.static(PUBLIC_DIR, { maxAge: '1h' }));
  // Every page, export and API answer from here on may hold one person's or one unit's data: no browser or proxy
  // keeps a copy (the back button or the next person on a shared office PC). Only the assets above are cached.
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(m.auth.session);
  app.use(viewLocals);

  app.use('/', m.home.router); //                                         GET /
  app.use('/', m.auth.router); //                                         /login, /logout
  app.use('/akun', m.auth.accountRouter);
  app.use('/atur-sandi', m.auth.passwordLinkRouter);
  app.use('/admin/users', m.users.router); //                              with /admin/users/import
  app.use('/admin', m.units.router); //                                    /admin/units…, /admin/units.xlsx
  app.use('/admin/periods', m.periodSetup.router);
  app.use('/admin/audit', m.audit.router);
  app.use('/admin/lapor', m.lapor.adminRouter); //                        /hari-libur, /instansi
  app.use('/api/periods', m.periods.apiRouter);
  app.use('/api/periods/:periodId/scores', m.dashboard.scoresApiRouter);
  app.use('/api/periods/:periodId/renaksi/progress', m.monitoring.apiRouter);
  app.use('/api/periods/:periodId/progress', m.dashboard.progressApiRouter);
  app.use('/api/periods/:periodId/lapor', m.lapor.apiRouter);
  app.use('/api/periods/:periodId/units/:unitId', m.questionnaire.apiRouter); // /answers/:code, /evidence-links
  app.use('/api/periods/:periodId/units/:unitId', m.verification.apiRouter); // /verification/:code
  app.use('/periods/:periodId/units/:unitId/assessment', m.questionnaire.router);
  app.use('/periods/:periodId/units/:unitId', m.offline.router); //        /questionnaire.xlsx, /questionnaire-upload
  app.use('/periods/:periodId', m.verification.router); //               /verification, /units/:unitId/{verification…,reopen,review,copy-confirm}
  app.use('/periods/:periodId', m.board.router); //                      /units, /units.xlsx
  app.use('/periods/:periodId', m.kabupaten.router); //                  /kabupaten…
  app.use('/periods/:periodId', m.dashboard.router); //                  /dashboard…, /units/:unitId/{scores…,rapor}, /presentation…
  app.use('/periods/:periodId', m.renaksi.router); //                    /renaksi…, /renaksi.xlsx
  app.use('/periods/:periodId', m.renaksiNarrative.router); //           /renaksi.docx, /renaksi/narasi, /units/:unitId/renaksi.docx
  app.use('/periods/:periodId', m.exports.router); //                    /rekap.xlsx
  app.use('/periods/:periodId', m.monitoring.router); //                 /renaksi/monev…
  app.use('/periods/:periodId', m.monevDocuments.router); //             /renaksi/monev.xlsx, /renaksi/monev/laporan
  app.use('/periods/:periodId', m.lapor.router); //                      /lapor…

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
