import path from 'node:path';
import compression from 'compression';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type { AppConfig } from './config/config';
import type { Db } from './db/database';
import { createRepos, type Repos } from './db/repos';
import { SqliteSessionStore } from './auth/session-store';
import { requireCsrf } from './auth/csrf';
import { errorHandler, notFoundHandler } from './errors/error-handler';
import { PROJECT_ROOT, PUBLIC_DIR, VIEWS_DIR } from './shared/paths';
import { viewLocals } from './web/view-locals';
import { authRoutes } from './auth/auth.routes';
import { accountRoutes } from './auth/account.routes';
import { homeRoutes } from './web/home.routes';
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
 * is signed out (idle expiry is the cookie's rolling maxAge).
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
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
      },
    }),
  );
  app.use(compression());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/static', express.static(PUBLIC_DIR, { maxAge: '1h' }));
  app.get('/vendor/chart.umd.min.js', (_req, res) => {
    res.sendFile(path.join(PROJECT_ROOT, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'), { maxAge: '7d' });
  });
  app.use(express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 2000 }));
  app.use(express.json({ limit: '1mb' }));
  app.use(
    session({
      store: new SqliteSessionStore(db),
      secret: config.sessionSecret ?? repos.settings.secret('session.secret'),
      name: 'sp4n.sid',
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.trustProxy ? 'auto' : false, maxAge: config.sessionIdleMs },
    }),
  );
  app.use(loadUser(repos, config));
  app.use(viewLocals);
  // NOTE: the questionnaire form is multipart (evidence files); its routes parse it and check CSRF themselves.
  app.use(assessmentFormRoutes(repos, config));
  // NOTE: these uploads are multipart; their routes parse the body and check CSRF themselves (receiveUpload).
  app.use(unitsUploadRoutes(repos));
  app.use(offlineUploadRoutes(repos));
  app.use(renaksiUploadRoutes(repos));
  app.use(userImportUploadRoutes(repos));
  app.use(requireCsrf);
  app.use(authRoutes(repos));
  app.use(accountRoutes(repos));
  app.use(homeRoutes(repos));
  app.use(userImportRoutes(repos)); // before usersRoutes: /admin/users/import is no user id
  app.use(usersRoutes(repos));
  app.use(reviewRoutes(repos)); // before assessmentsRoutes: it decorates the questionnaire page
  app.use(assessmentsRoutes(repos, config));
  app.use(evidenceRoutes(repos, config));
  app.use(verificationRoutes(repos));
  app.use(boardRoutes(repos));
  app.use(periodsRoutes(repos));
  app.use(unitsRoutes(repos));
  app.use(offlineRoutes(repos));
  app.use(auditRoutes(repos));
  app.use(dashboardRoutes(repos));
  app.use(unitScoresRoutes(repos));
  app.use(presentationRoutes(repos));
  app.use(renaksiRoutes(repos));
  app.use(exportsRoutes(repos));
  app.use(apiRoutes(repos));
  app.use(auditLogRoutes(repos));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
