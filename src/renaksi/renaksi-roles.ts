/** Who shapes the plan (edits, drafts, uploads, finalises) and who may read and download it. */
export const RENAKSI_EDITORS = ['tim_renaksi', 'admin'] as const;
export const RENAKSI_READERS = ['tim_renaksi', 'admin', 'fasilitator', 'verifikator'] as const;

/** Whether a role may change the plan. */
export const isRenaksiEditor = (role: string): boolean => (RENAKSI_EDITORS as readonly string[]).includes(role);
