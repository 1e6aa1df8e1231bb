import type { PlanProgress, Progress, UnitChange, UnitProgress } from '../progress';
import { GROUP_LABELS } from '../shared/format';
import type { UnitGroup } from '../units';

/**
 * The progress JSON of the automation interface (README): the same numbers as the dashboard's progress section,
 * units named by code and group as in /api/periods/:periodId/scores. Pure.
 */

const groupName = (g: UnitGroup) => GROUP_LABELS[g].toLowerCase();

const unitChangeJson = (u: UnitChange) => ({
  code: u.code, name: u.name, group: groupName(u.group), presence: u.presence, then: u.then, now: u.now, indexChange: u.indexChange,
  indicators: u.indicators,
});

const unitProgressJson = (u: UnitProgress) => ({
  code: u.code, name: u.name, group: groupName(u.group), presence: u.presence, measured: u.measured, met: u.met, below: u.below,
  items: u.items.map((i) => ({ indicator: i.code, from: i.from, targetLevel: i.targetLevel, finalTarget: i.finalTarget, reached: i.reached, status: i.status })),
});

function planJson(p: PlanProgress) {
  return {
    period: p.planPeriod, versionNo: p.versionNo, finalizedAt: p.finalizedAt, years: p.years, year: p.progress.year,
    measuredPeriod: p.measuredPeriod,
    rows: p.progress.rows.map((r) => ({
      rowId: r.rowId, aspect: r.aspectCode, indicator: r.indicatorCode, targetLevel: r.targetLevel, expected: r.expected, achieved: r.achieved,
      tally: r.tally, metByAddedUnits: r.metByAddedUnits, removedUnits: r.removedUnits,
    })),
    aspects: p.progress.aspects,
    rowsWithoutIndicator: p.progress.rowsWithoutIndicator,
    units: p.progress.units.map(unitProgressJson),
  };
}

export function progressJson(p: Progress) {
  const c = p.comparison;
  return {
    period: p.period,
    compare: p.compare,
    basis: p.basis,
    comparison: c && {
      instrumentChanged: c.instrumentChanged,
      indicatorCodes: c.indicatorCodes,
      kabupaten: {
        index: { then: c.kabupaten.then, now: c.kabupaten.now, change: c.kabupaten.change },
        groups: { 'perangkat daerah': c.kabupaten.groups.pd, kecamatan: c.kabupaten.groups.kecamatan },
      },
      aspects: c.aspects,
      movement: c.movement,
      units: c.units.map(unitChangeJson),
    },
    plan: p.plan && planJson(p.plan),
    ...(p.page ? { page: p.page } : {}),
  };
}
