/**
 * Who is signed in: the account and its role. NOTE: every feature and the web layer's guards need these, so they
 * live here rather than in users/ (which stores the accounts), keeping the dependency one way.
 */
export const ROLES = ['admin', 'verifikator', 'narahubung', 'fasilitator', 'tim_renaksi'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  active: boolean;
  /** False until the owner of an imported account sets a password through their one-time link. */
  passwordSet: boolean;
  /** Mobile number normalised as 62… (shared/phone.ts), null when none is known. */
  phone: string | null;
  createdAt: string;
}
