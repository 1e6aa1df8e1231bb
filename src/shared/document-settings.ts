import type { SettingsRepo } from './settings.repo';

/**
 * What the kabupaten's documents say about themselves (the Renaksi to be signed, the FGD recap): region, place,
 * signatory and paper. Stored in settings under these keys; the admin edits them on the Renaksi settings page.
 */
export const SIGNATURE_DEFAULTS = {
  'renaksi.region': 'Kabupaten Kutai Timur',
  'renaksi.place': 'Sangatta',
  'renaksi.office': 'BUPATI KUTAI TIMUR',
  'renaksi.signer': 'H. ARDIANSYAH SULAIMAN',
  'renaksi.nip': '',
  'renaksi.paper': 'folio',
  /** Empty: the closing carries no place and date (the Bupati's office dates it when signing). */
  'renaksi.date': '',
  /** Number and date of the Keputusan Bupati the lampiran belong to: blank until the decree is numbered. */
  'renaksi.decreeNumber': '',
  'renaksi.decreeDate': '',
} as const;
export type DocumentSettingKey = keyof typeof SIGNATURE_DEFAULTS;

/** A document setting as stored (or its default). */
export function documentSetting(settings: Pick<SettingsRepo, 'get'>, key: DocumentSettingKey): string {
  return settings.get(key) ?? SIGNATURE_DEFAULTS[key];
}

/** Every document setting as stored (or its default): what the settings form shows and a final Renaksi keeps. */
export function allDocumentSettings(settings: Pick<SettingsRepo, 'get'>): Record<DocumentSettingKey, string> {
  return Object.fromEntries((Object.keys(SIGNATURE_DEFAULTS) as DocumentSettingKey[]).map((k) => [k, documentSetting(settings, k)])) as Record<DocumentSettingKey, string>;
}

/**
 * Settings values kept elsewhere (a final Renaksi version's copy) read like the settings table, so documentSetting
 * and documentPaper serve both; a key the copy lacks falls back to its default.
 */
export function fixedSettings(values: Partial<Record<string, string>>): Pick<SettingsRepo, 'get'> {
  return { get: (key) => values[key] };
}

/** The paper documents print on: A4, or F4/folio (the default). */
export function documentPaper(settings: Pick<SettingsRepo, 'get'>): 'a4' | 'folio' {
  return documentSetting(settings, 'renaksi.paper') === 'a4' ? 'a4' : 'folio';
}
