import { Router } from 'express';
import type { AssessmentsService } from '../assessments';
import type { PeriodsService } from '../periods';
import { unitPlanUrl, type RenaksiPlanStatusOf } from '../renaksi-narrative';
import type { UnitsService } from '../units';
import type { VerificationService } from '../verification';
import { requireUser } from '../web/guards';

export interface HomeDeps {
  periods: PeriodsService;
  units: UnitsService;
  assessments: AssessmentsService;
  verification: Pick<VerificationService, 'reviewNotice'>;
  /** The state of each period's Renaksi: a narahubung downloads the unit's own once it is final. */
  renaksiPlanStatus: RenaksiPlanStatusOf;
}

/** The start page. Mounted at the root. */
export function homeRoutes({ periods, units, assessments, verification, renaksiPlanStatus }: HomeDeps): Router {
  const router = Router();

  /** @route GET / — the signed-in user's start page, by role */
  router.get('/', (req, res) => {
    if (!req.user) return res.redirect('/login');
    const user = requireUser(req);
    const all = periods.listAll();
    const unit = user.unitId !== null ? units.findById(user.unitId) : undefined;
    // A unit formed later (or deactivated) is not one of an older period's units: no questionnaire is offered there.
    const outside = new Map(unit ? all.flatMap((p) => {
      const why = units.outsidePeriodReason(unit, p);
      return why === null ? [] : [[p.id, why] as const];
    }) : []);
    const ownStatus = new Map(
      unit ? all.map((p) => [p.id, assessments.find(p.id, unit.id)?.status ?? 'belum_mulai'] as const) : [],
    );
    const notices = new Map(unit ? all.map((p) => [p.id, verification.reviewNotice(user, p.id, unit.id)] as const) : []);
    // Only a period whose instrument has a kabupaten checklist (revision 2 onwards) offers its page.
    const withKabupaten = new Set(all.filter((p) => periods.loadPeriod(p.id).instrument.kabupatenChecklist).map((p) => p.id));
    const planUrls = new Map(unit ? all.filter((p) => !outside.has(p.id)).map((p) => [p.id, unitPlanUrl(user, renaksiPlanStatus(p.id), p.id, unit.id)] as const) : []);
    // The monev is offered where there is a plan to report on: a narahubung only a final one (the draft is hidden).
    const withMonev = new Set(all.filter((p) => {
      const status = renaksiPlanStatus(p.id);
      return user.role === 'narahubung' ? status === 'final' : status !== null;
    }).map((p) => p.id));
    res.render('home', { title: 'Beranda', periods: all, unit, outside, ownStatus, notices, withKabupaten, planUrls, withMonev });
  });

  return router;
}
