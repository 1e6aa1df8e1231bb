import { Router, type Request } from 'express';
import { formatDateTime } from '../shared/format';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { renderToString } from '../web/render-to-string';
import { validate } from '../web/validate';
import type { DashboardService } from './dashboard.api';
import { basisOf, parseHideNames, SCORE_VIEWERS, SNAPSHOT_FORM } from './dashboard.schemas';
import { hideUnitNames, presentationFingerprint, type PresentationData } from './presentation';
import { deckView, type DeckOptions } from './presentation-view';

/** Seconds between two polls of the live deck: fresh enough for an FGD, light enough for a hall's Wi-Fi. */
export const LIVE_POLL_SECONDS = 5;

/** The live numbers of one period and option set, with what was made from them (see liveEntry). */
interface LiveEntry {
  key: string;
  hide: boolean;
  data: PresentationData;
  json?: unknown;
  deck?: string;
}

function presentationJson(data: PresentationData, hideNames: boolean) {
  const shown = hideNames ? hideUnitNames(data) : data;
  return { ...shown, fingerprint: presentationFingerprint(shown), computedAtText: formatDateTime(shown.computedAt) };
}

/** The FGD presentation: the live deck and frozen snapshots. Mounted at /periods/:periodId. */
export function presentationRoutes(dashboard: DashboardService): Router {
  const router = Router({ mergeParams: true });
  const viewers = requireRole(...SCORE_VIEWERS);
  const base = '/presentation';

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

  /**
   * NOTE: a hall of viewers polls the JSON every few seconds and fetches the slides whenever its fingerprint
   * changes, so the numbers, the JSON body and the slides' HTML are each made once per change of the period's
   * counted data (the scoring service's countedKey), its kabupaten conditions and the options, not once per viewer.
   */
  const live = new Map<string, LiveEntry>();
  function liveEntry(req: Request): LiveEntry {
    const periodId = idParam(req, 'periodId');
    const basis = basisOf(req.query.basis);
    const hide = parseHideNames(req.query);
    const slot = `${periodId}:${basis}:${hide ? 1 : 0}`;
    const key = dashboard.liveKey(periodId);
    let entry = live.get(slot);
    if (!entry || entry.key !== key) {
      entry = { key, hide, data: dashboard.livePresentation(periodId, basis) };
      live.set(slot, entry);
    }
    return entry;
  }

  /** @route GET /periods/:periodId/presentation — the live FGD deck (?basis=self|verified, ?anon=1 hides names) */
  router.get(base, viewers, (req, res) => {
    const entry = liveEntry(req);
    const { view, locals } = renderDeck(req, entry.data, { hideNames: entry.hide }, 'presentation/show');
    res.render(view, locals);
  });

  /** @route GET /periods/:periodId/presentation.json — the live numbers with a fingerprint that changes with them */
  router.get(`${base}.json`, viewers, (req, res) => {
    const entry = liveEntry(req);
    entry.json ??= presentationJson(entry.data, entry.hide);
    res.set('Cache-Control', 'no-store').json(entry.json);
  });

  /** @route GET /periods/:periodId/presentation/deck — the slides alone, fetched by the live deck when numbers change */
  router.get(`${base}/deck`, viewers, async (req, res) => {
    const entry = liveEntry(req);
    if (entry.deck === undefined) {
      const { view, locals } = renderDeck(req, entry.data, { hideNames: entry.hide }, 'presentation/_deck');
      entry.deck = await renderToString(res, view, locals);
    }
    res.set('Cache-Control', 'no-store').type('html').send(entry.deck);
  });

  /** @route GET /periods/:periodId/presentation/snapshots — frozen snapshots of the period, newest first */
  router.get(`${base}/snapshots`, viewers, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const snapshots = dashboard.listSnapshots(periodId);
    const period = dashboard.findPeriod(periodId);
    res.render('presentation/snapshots', { title: `Snapshot presentasi – ${period?.name ?? ''}`, period, snapshots });
  });

  /** @route POST /periods/:periodId/presentation/snapshots — freezes the current numbers and opens the snapshot */
  router.post(`${base}/snapshots`, formBody, viewers, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const form = validate(SNAPSHOT_FORM, req.body, { rootField: 'basis' });
    const id = dashboard.createSnapshot(requireUser(req), periodId, form.basis);
    res.redirect(`/periods/${periodId}/presentation/snapshots/${id}?anon=${form.anon ?? '0'}`);
  });

  /** @route GET /periods/:periodId/presentation/snapshots/:snapshotId.json — a snapshot's frozen numbers */
  router.get(`${base}/snapshots/:snapshotId.json`, viewers, (req, res) => {
    const snap = dashboard.getSnapshot(idParam(req, 'periodId'), idParam(req, 'snapshotId'));
    res.json({ snapshot: { id: snap.id, createdAt: snap.createdAt, createdBy: snap.createdByName }, ...presentationJson(snap.data, parseHideNames(req.query)) });
  });

  /** @route GET /periods/:periodId/presentation/snapshots/:snapshotId — the frozen deck, same numbers forever */
  router.get(`${base}/snapshots/:snapshotId`, viewers, (req, res) => {
    const snap = dashboard.getSnapshot(idParam(req, 'periodId'), idParam(req, 'snapshotId'));
    const opts = { hideNames: parseHideNames(req.query), snapshot: { id: snap.id, createdAt: snap.createdAt } };
    const { view, locals } = renderDeck(req, snap.data, opts, 'presentation/show');
    res.render(view, { ...locals, title: `Snapshot ${formatDateTime(snap.createdAt)} – ${snap.data.period.name}` });
  });

  return router;
}
