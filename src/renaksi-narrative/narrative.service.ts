import crypto from 'node:crypto';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { Period } from '../periods';
import type { BuildCache } from '../shared/build-cache';
import type { SettingsRepo } from '../shared/settings.repo';
import type { User } from '../shared/identity';
import { NARRATIVE_DEFAULTS, NARRATIVE_LABELS, NARRATIVE_SECTIONS, narrativeTexts, type NarrativeSection, type NarrativeTexts } from './narrative-texts';
import type { NarrativeForm } from './narrative.schemas';
import type { NarrativeRepo, StoredNarrative } from './narrative.repo';
import { findPlan, planForEdit, type NarrativeSources } from './narrative-sources';

/** What the narrative module is given: its repository, the settings, and the services it reads. */
export interface NarrativeDeps extends NarrativeSources {
  db: Db;
  narratives: NarrativeRepo;
  settings: Pick<SettingsRepo, 'get'>;
  audit: AuditService;
  /** Narrative documents kept by the fingerprint of their content, built in the worker pool. */
  docs: BuildCache;
}

const isSection = (s: string): s is NarrativeSection => (NARRATIVE_SECTIONS as readonly string[]).includes(s);

/** The texts the team stored for a period's plan (none before the plan exists), over nothing: see narrativeTexts. */
export function storedTexts(deps: NarrativeDeps, periodId: number): Partial<NarrativeTexts> {
  return textsOf(storedOf(deps, periodId));
}

function textsOf(stored: StoredNarrative[]): Partial<NarrativeTexts> {
  return Object.fromEntries(stored.filter((s) => isSection(s.section)).map((s) => [s.section, s.body]));
}

/**
 * Each section's version as the form carries it ("latarBelakang=3f2a…;dasarHukum=bawaan;…"): a hash of the stored
 * text and its time, or "bawaan" for a section following the default. A save compares it per section, so it knows
 * exactly which sections someone else changed after the form was loaded.
 */
function sectionVersions(stored: StoredNarrative[]): Record<NarrativeSection, string> {
  const bySection = new Map(stored.map((s) => [s.section, s]));
  const hash = (s: StoredNarrative) => crypto.createHash('sha256').update(`${s.updatedAt}\n${s.body}`).digest('hex').slice(0, 12);
  return Object.fromEntries(NARRATIVE_SECTIONS.map((k) => {
    const s = bySection.get(k);
    return [k, s ? hash(s) : 'bawaan'];
  })) as Record<NarrativeSection, string>;
}

const versionText = (v: Record<NarrativeSection, string>) => NARRATIVE_SECTIONS.map((k) => `${k}=${v[k]}`).join(';');

function parseVersionText(text: string): Map<string, string> {
  return new Map(text.split(';').map((part) => part.split('=') as [string, string?]).map(([k, v]) => [k, v ?? '']));
}

function storedOf(deps: NarrativeDeps, periodId: number): StoredNarrative[] {
  const plan = findPlan(deps, periodId);
  return plan ? deps.narratives.listNarratives(plan.id) : [];
}

export interface NarrativePage {
  period: Period;
  final: boolean;
  values: NarrativeTexts;
  /** Who last changed each section the team wrote; a section without an entry follows the default. */
  edited: Partial<Record<NarrativeSection, { at: string; by: string | null }>>;
  version: string;
}

/** The editor's page: each section's text (the team's, else the default), who changed it, and the plan's state. */
export function narrativePage(deps: NarrativeDeps, period: Period): NarrativePage {
  const stored = storedOf(deps, period.id);
  const edited: NarrativePage['edited'] = {};
  for (const s of stored) if (isSection(s.section)) edited[s.section] = { at: s.updatedAt, by: s.updatedByName };
  return {
    period,
    final: findPlan(deps, period.id)?.status === 'final',
    values: narrativeTexts(textsOf(stored)),
    edited,
    version: versionText(sectionVersions(stored)),
  };
}

/** A section someone else saved after the form was loaded: who, when, and the text stored now. */
export interface NarrativeChange {
  section: NarrativeSection;
  label: string;
  by: string | null;
  at: string | null;
  stored: string;
}

/** Thrown when sections changed after the form was loaded; nothing is saved. */
export class NarrativeConflictError extends Error {
  constructor(readonly changed: NarrativeChange[]) {
    super('narrative changed');
  }
}

/** The sections whose stored version differs from the one the form was loaded with. */
function changedSince(stored: StoredNarrative[], formVersion: string): NarrativeChange[] {
  const now = sectionVersions(stored);
  const loaded = parseVersionText(formVersion);
  const texts = narrativeTexts(textsOf(stored));
  return NARRATIVE_SECTIONS.filter((k) => (loaded.get(k) ?? 'bawaan') !== now[k]).map((k) => {
    const s = stored.find((x) => x.section === k);
    return { section: k, label: NARRATIVE_LABELS[k], by: s?.updatedByName ?? null, at: s?.updatedAt ?? null, stored: texts[k] };
  });
}

/**
 * Saves the team's texts in one transaction: a section equal to its default is stored as "follows the default", a
 * changed one is written with who and when. A form loaded before someone else's save is refused (conflict) with the
 * sections they changed, each with its stored text; a final plan is refused (409). Returns the sections that changed.
 */
export function saveNarrative(deps: NarrativeDeps, user: User, periodId: number, form: NarrativeForm): NarrativeSection[] {
  return deps.db.transaction(() => {
    const plan = planForEdit(deps, periodId);
    const stored = deps.narratives.listNarratives(plan.id);
    const conflicts = changedSince(stored, form.version);
    if (conflicts.length > 0) throw new NarrativeConflictError(conflicts);
    const current = narrativeTexts(textsOf(stored));
    const changed = NARRATIVE_SECTIONS.filter((s) => form[s] !== current[s]);
    const now = new Date().toISOString();
    for (const section of changed) {
      if (form[section] === NARRATIVE_DEFAULTS[section]) deps.narratives.removeNarrative(plan.id, section);
      else deps.narratives.saveNarrative({ planId: plan.id, section, body: form[section], userId: user.id, now });
    }
    if (changed.length > 0) {
      deps.audit.record({ userId: user.id, action: 'renaksi.narrative', entity: 'renaksi_plan', entityId: plan.id, newValue: { bagian: changed.map((s) => NARRATIVE_LABELS[s]) } });
    }
    return changed;
  })();
}
