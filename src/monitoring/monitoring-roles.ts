/** Who reads the monev (the progress API, the board, the semester report): the roles that read the scores. */
export const MONEV_READERS = ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

/** Diskominfo's roles: they fill or correct any report, in or out of its window (the admin only out of it). */
export const MONEV_EDITORS = ['admin', 'tim_renaksi'] as const;

/** Who accepts or returns a submitted report (never the person who filled it: see monitoring-access). */
export const MONEV_REVIEWERS = ['verifikator', 'admin'] as const;
