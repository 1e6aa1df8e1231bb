import { Router, type Request } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../auth/guards';
import { badInput } from '../errors/app-error';
import { idParam } from '../web/params';
import { formatDateTime } from '../shared/format';
import { basisOf, SCORE_VIEWERS } from './dashboard.routes';
import { parseHideNames, SNAPSHOT_FORM } from './dashboard.schemas';
import { hideUnitNames, presentationFingerprint, type PresentationData } from './presentation';
import { createSnapshot, getSnapshot, listSnapshots, livePresentation } from './presentation.service';
import { deckView, type DeckOptions } from './presentation-view';

/** Seconds between two polls of the live deck: fresh enough for an FGD, light enough for a hall's Wi-Fi. */
export const LIVE_POLL_SECONDS = 5;

function presentationJson(data: PresentationData, hideNames: boolean) {
  const shown = hideNames ? hideUnitNames(data) : data;
  return { ...shown, fingerprint: presentationFingerprint(shown), computedAtText: formatDateTime(shown.computedAt) };
}

export function presentationRoutes(repos: Repos): Router {
  const router = Router();
  const viewers = requireRole(...SCORE_VIEWERS);
  const base = '/periods/:periodId/presentation';

  function query(req: Request, extra: Record<string, string> = {}): string {
    const hide = parseHideNames(req.query);
    return `?${new URLSearchParams({ basis: basisOf(req.query.basis), anon: hide ? '1' : '0', ...extra }).toString()}`;
  }

  function renderDeck(req: Request, data: PresentationData, opts: DeckOptions, view: 'presentation/show' | 'presentation/_deck') {
    const periodId = data.period.id;
    return {
      view,
      locals: {
        title: `Presentasi FGD – ${data.period.name}`,
        d: deckView(data, opts),
        basis: data.basis,
        pollUrl: opts.snapshot ? null : `/periods/${periodId}/presentation.json${query(req)}`,
        deckUrl: opts.snapshot ? null : `/periods/${periodId}/presentation/deck${query(req)}`,
        pollSeconds: LIVE_POLL_SECONDS,
        toggleNamesQuery: `?${new URLSearchParams({ basis: data.basis, anon: opts.hideNames ? '0' : '1' }).toString()}`,
      },
    };
  }

  /** @route GET /periods/:periodId/presentation — the live FGD deck (?basis=self|verified, ?anon=1 hides names) */
  router.get(base, viewers, (req, res) => {
    const data = livePresentation(repos, idParam(req, 'periodId'), basisOf(req.query.basis));
    const { view, locals } = renderDeck(req, data, { hideNames: parseHideNames(req.query) }, 'presentation/show');
    res.render(view, locals);
  });

  // NOTE: a hall of viewers polls this every few seconds; the body is computed once per change of the period's data.
  const liveJson = new Map<string, { key: string; body: unknown }>();

  /** @route GET /periods/:periodId/presentation.json — the live numbers with a fingerprint that changes with them */
  router.get(`${base}.json`, viewers, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const basis = basisOf(req.query.basis);
    const hide = parseHideNames(req.query);
    const slot = `${periodId}:${basis}:${String(hide)}`;
    const key = repos.scoreCache.periodKey(periodId);
    let hit = liveJson.get(slot);
    if (!hit || hit.key !== key) {
      hit = { key, body: presentationJson(livePresentation(repos, periodId, basis), hide) };
      liveJson.set(slot, hit);
    }
    res.set('Cache-Control', 'no-store').json(hit.body);
  });

  /** @route GET /periods/:periodId/presentation/deck — the slides alone, fetched by the live deck when numbers change */
  router.get(`${base}/deck`, viewers, (req, res) => {
    const data = livePresentation(repos, idParam(req, 'periodId'), basisOf(req.query.basis));
    const { view, locals } = renderDeck(req, data, { hideNames: parseHideNames(req.query) }, 'presentation/_deck');
    res.set('Cache-Control', 'no-store').render(view, locals);
  });

  /** @route GET /periods/:periodId/presentation/snapshots — frozen snapshots of the period, newest first */
  router.get(`${base}/snapshots`, viewers, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const snapshots = listSnapshots(repos, periodId);
    const period = repos.periods.findById(periodId);
    res.render('presentation/snapshots', { title: `Snapshot presentasi – ${period?.name ?? ''}`, period, snapshots });
  });

  /** @route POST /periods/:periodId/presentation/snapshots — freezes the current numbers and opens the snapshot */
  router.post(`${base}/snapshots`, viewers, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const parsed = SNAPSHOT_FORM.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badInput({ [String(issue?.path[0] ?? 'basis')]: issue?.message ?? 'tidak valid' });
    }
    const id = createSnapshot(repos, requireUser(req), periodId, parsed.data.basis);
    res.redirect(`/periods/${periodId}/presentation/snapshots/${id}?anon=${parsed.data.anon ?? '0'}`);
  });

  /** @route GET /periods/:periodId/presentation/snapshots/:snapshotId.json — a snapshot's frozen numbers */
  router.get(`${base}/snapshots/:snapshotId.json`, viewers, (req, res) => {
    const snap = getSnapshot(repos, idParam(req, 'periodId'), idParam(req, 'snapshotId'));
    res.json({ snapshot: { id: snap.id, createdAt: snap.createdAt, createdBy: snap.createdByName }, ...presentationJson(snap.data, parseHideNames(req.query)) });
  });

  /** @route GET /periods/:periodId/presentation/snapshots/:snapshotId — the frozen deck, same numbers forever */
  router.get(`${base}/snapshots/:snapshotId`, viewers, (req, res) => {
    const snap = getSnapshot(repos, idParam(req, 'periodId'), idParam(req, 'snapshotId'));
    const opts = { hideNames: parseHideNames(req.query), snapshot: { id: snap.id, createdAt: snap.createdAt } };
    const { view, locals } = renderDeck(req, snap.data, opts, 'presentation/show');
    res.render(view, { ...locals, title: `Snapshot ${formatDateTime(snap.createdAt)} – ${snap.data.period.name}` });
  });

  return router;
}
