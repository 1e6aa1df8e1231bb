/**
 * The units of a period, for every query that lists or counts them (board, dashboard and scores, exports, SP4N-LAPOR!
 * figures, progress): a unit counts in a period of year Y when it is active and assessed from Y or earlier
 * (units.assessed_from, NULL: always), or when it has an assessment in that period (a deactivated unit keeps its
 * history; an assessment made anyway is never hidden). The one place this rule is written.
 *
 * `periodUnitsSql(periodParam, joins)` gives `FROM … WHERE …` with the aliases `u` (units), `p` (the period) and `a`
 * (the unit's assessment in it, NULL when none); `periodParam` is the SQL parameter of the period id ('?' or
 * '@periodId'); `joins` are further joins placed before the WHERE.
 */
export function periodUnitsSql(periodParam = '?', joins = ''): string {
  return `FROM units u
     JOIN periods p ON p.id = ${periodParam}
     LEFT JOIN assessments a ON a.unit_id = u.id AND a.period_id = p.id
     ${joins}
     WHERE a.id IS NOT NULL OR (u.active = 1 AND (u.assessed_from IS NULL OR u.assessed_from <= p.year))`;
}

/** The admin form's and the import's bounds of "Dinilai mulai tahun". */
export const ASSESSED_FROM_MIN = 2015;
export const ASSESSED_FROM_MAX = 2100;
