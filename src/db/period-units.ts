/**
 * The units of a period, for every query that lists or counts them (board, dashboard and scores, exports, SP4N-LAPOR!
 * figures, progress) and for the guard of every route that reads or writes a unit's assessment in a period
 * (units.isInPeriod): a unit belongs to a period of year Y when it is assessed from Y or earlier (units.assessed_from,
 * NULL: always) and it is active or has an assessment in that period (a deactivated unit keeps its history). A unit
 * formed later is never one of an earlier period's units, not even through an assessment row made there before the
 * guard existed: that row stays stored, uncounted, and counts again if the admin moves the start year back. The one
 * place this rule is written.
 *
 * `periodUnitsSql(periodParam, joins)` gives `FROM … WHERE (…)` with the aliases `u` (units), `p` (the period) and `a`
 * (the unit's assessment in it, NULL when none); `periodParam` is the SQL parameter of the period id ('?' or
 * '@periodId'); `joins` are further joins placed before the WHERE. The condition is parenthesised, so a caller may
 * append `AND …`.
 */
export function periodUnitsSql(periodParam = '?', joins = ''): string {
  return `FROM units u
     JOIN periods p ON p.id = ${periodParam}
     LEFT JOIN assessments a ON a.unit_id = u.id AND a.period_id = p.id
     ${joins}
     WHERE ((u.assessed_from IS NULL OR u.assessed_from <= p.year) AND (a.id IS NOT NULL OR u.active = 1))`;
}

/**
 * The year part of the rule above, for explaining a change of "Dinilai mulai tahun" before it is made (the import
 * preview): whether a unit with this start year is assessed in a period of `year`.
 */
export const assessedInYear = (assessedFrom: number | null, year: number): boolean => assessedFrom === null || assessedFrom <= year;

/** The admin form's and the import's bounds of "Dinilai mulai tahun". */
export const ASSESSED_FROM_MIN = 2015;
export const ASSESSED_FROM_MAX = 2100;
