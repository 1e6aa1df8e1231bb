import path from 'node:path';
import compression from 'compression';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type { AppConfig } from './config/config';
import type { Db } from './db/database';
import { createRepos, type Repos } from './db/repos';
import { SqliteSessionStore } from './auth/session-store';
import { csrfSigning, requireCsrf } from './web/csrf';
import { errorHandler, notFoundHandler } from './errors/error-handler';
import { PROJECT_ROOT, PUBLIC_DIR, VIEWS_DIR } from './shared/paths';
import { viewLocals } from './web/view-locals';
import { gated } from './web/route-gate';
import { fieldError } from './web/view-helpers';
import { createAssets } from './web/assets';
import { rootFiles } from './web/root-files';
import { authRoutes } from './auth/auth.routes';
import { accountRoutes } from './auth/account.routes';
import { homeRoutes } from './home/home.routes';
import { usersRoutes } from './users/users.routes';
import { assessmentsRoutes } from './assessments/assessments.routes';
import { assessmentFormRoutes } from './assessments/assessment-form.routes';
import { evidenceRoutes } from './evidence/evidence.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { unitScoresRoutes } from './dashboard/unit-scores.routes';
import { presentationRoutes } from './dashboard/presentation.routes';
import { renaksiRoutes } from './renaksi/renaksi.routes';
import { renaksiUploadRoutes } from './renaksi/renaksi-upload.routes';
import { exportsRoutes } from './exports/exports.routes';
import { apiRoutes } from './periods/api.routes';
import { auditLogRoutes } from './audit/audit-log.routes';
import { reviewRoutes } from './verification/review.routes';
import { verificationRoutes } from './verification/verification.routes';
import { boardRoutes } from './board/board.routes';
import { periodsRoutes } from './periods/periods.routes';
import { unitsRoutes, unitsUploadRoutes } from './units/units.routes';
import { offlineRoutes, offlineUploadRoutes } from './offline/offline.routes';
import { auditRoutes } from './audit/audit.routes';
import { userImportRoutes, userImportUploadRoutes } from './users/user-import.routes';

export interface AppDeps {
  db: Db;
  config: AppConfig;
}

/**
 * Puts the signed-in user on the request. A session past its absolute lifetime, or of a deactivated account,
 * is signed out (idle expiry is the session store's: an idle session is simply not found).
 */
function loadUser(repos: Repos, config: AppConfig): express.RequestHandler {
  return (req, _res, next) => {
    const id = req.session.userId;
    if (id === undefined) return next();
    const user = repos.users.findById(id);
    const expired = req.session.loginAt === undefined || Date.now() - req.session.loginAt > config.sessionAbsoluteMs;
    if (user?.active && !expired) req.user = user;
    else {
      delete req.session.userId;
      req.session.flash = { kind: 'error', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' };
    }
    next();
  };
}

/** Builds the Express app on an open, migrated database. Listening is server.ts's job. */
export function createApp({ db, config }: AppDeps): express.Express {
  const repos = createRepos(db);
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  // NOTE: Express caches compiled views only when NODE_ENV is production; tests and production both want the
  // cache (tests render thousands of pages), only development wants edited templates picked up on reload.
  app.set('view cache', config.env !== 'development');
  app.locals.fieldError = fieldError;
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
  app.use(express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 2000 }));
  app.use(express.json({ limit: '1mb' }));
  const secret = config.sessionSecret ?? repos.settings.secret('session.secret');
  app.use(
    session({
      store: new SqliteSessionStore(db, config.sessionIdleMs),
      secret,
      name: 'sp4n.sid',
      resave: false,
      saveUninitialized: false,
      // NOTE: idle expiry is enforced by the store (server side); the cookie lasts the absolute lifetime, which
      // loadUser enforces from the login time.
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.trustProxy ? 'auto' : false, maxAge: config.sessionAbsoluteMs },
    }),
  );
  app.use(csrfSigning(secret));
  app.use(loadUser(repos, config));
  app.use(viewLocals);
  // NOTE: the questionnaire form is multipart (evidence files); its routes parse it and check CSRF themselves.
  app.use(gated(assessmentFormRoutes(repos, config)));
  // NOTE: these uploads are multipart; their routes parse the body and check CSRF themselves (receiveUpload).
  app.use(gated(unitsUploadRoutes(repos)));
  app.use(gated(offlineUploadRoutes(repos)));
  app.use(gated(renaksiUploadRoutes(repos)));
  app.use(gated(userImportUploadRoutes(repos)));
  app.use(requireCsrf);
  app.use(gated(authRoutes(repos, config)));
  app.use(gated(accountRoutes(repos, config)));
  app.use(gated(homeRoutes(repos)));
  app.use(gated(userImportRoutes(repos))); // before usersRoutes: /admin/users/import is no user id
  app.use(gated(usersRoutes(repos, config)));
  app.use(gated(reviewRoutes(repos))); // before assessmentsRoutes: it decorates the questionnaire page
  app.use(gated(assessmentsRoutes(repos, config)));
  app.use(gated(evidenceRoutes(repos, config)));
  app.use(gated(verificationRoutes(repos)));
  app.use(gated(boardRoutes(repos)));
  app.use(gated(periodsRoutes(repos)));
  app.use(gated(unitsRoutes(repos, { templatesDir: config.templatesDir })));
  app.use(gated(offlineRoutes(repos)));
  app.use(gated(auditRoutes(repos)));
  app.use(gated(dashboardRoutes(repos)));
  app.use(gated(unitScoresRoutes(repos)));
  app.use(gated(presentationRoutes(repos)));
  app.use(gated(renaksiRoutes(repos)));
  app.use(gated(exportsRoutes(repos)));
  app.use(gated(apiRoutes(repos)));
  app.use(gated(auditLogRoutes(repos)));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
