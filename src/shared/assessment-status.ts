/**
 * Where a unit's assessment stands: draft, submitted, returned to the unit, verified. NOTE: here rather than in
 * assessments/ because evidence (below assessments) reads it from its rows too.
 */
export type AssessmentStatus = 'draf' | 'diajukan' | 'dikembalikan' | 'diverifikasi';
