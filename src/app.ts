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
import { homeRoutes } from './web/home.routes';
import { usersRoutes } from './users/users.routes';
import { assessmentsRoutes } from './assessments/assessments.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { renaksiRoutes } from './renaksi/renaksi.routes';
import { renaksiUploadRoutes } from './renaksi/renaksi-upload.routes';
import { exportsRoutes } from './exports/exports.routes';
import { apiRoutes } from './periods/api.routes';

export interface AppDeps {
  db: Db;
  config: AppConfig;
}

const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

function loadUser(repos: Repos): express.RequestHandler {
  return (req, _res, next) => {
    const id = req.session.userId;
    if (id !== undefined) {
      const user = repos.users.findById(id);
      if (user?.active) req.user = user;
      else delete req.session.userId;
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
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.trustProxy ? 'auto' : false, maxAge: SESSION_MAX_AGE_MS },
    }),
  );
  app.use(loadUser(repos));
  app.use(viewLocals);
  // Multipart uploads parse their body in the route and check the CSRF token there (see verifyCsrfToken).
  app.use(renaksiUploadRoutes(repos));
  app.use(requireCsrf);
  app.use(authRoutes(repos));
  app.use(homeRoutes(repos));
  app.use(usersRoutes(repos));
  app.use(assessmentsRoutes(repos));
  app.use(dashboardRoutes(repos));
  app.use(renaksiRoutes(repos));
  app.use(exportsRoutes(repos));
  app.use(apiRoutes(repos));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
