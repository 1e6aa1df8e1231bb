import path from 'node:path';
import type { User } from '../shared/identity';
import { workerTask } from '../shared/worker-pool';
import { documentPaper, documentSetting, type DocumentSettingKey } from '../shared/document-settings';
import { GROUP_LABELS } from '../shared/format';
import { categorize, type PeriodScores } from '../scoring';
import type { SettingsRepo } from '../shared/settings.repo';
import { sasaranLines, signatureDateLine, unitCategories, type AspectFigure, type NarrativeDocument } from './narrative-model';
import { narrativeTexts } from './narrative-texts';
import { documentSettingsOf, periodScores, readKabupatenConditions, readPlanSummary, readSignedDocument } from './narrative-sources';
import { storedTexts, type NarrativeDeps } from './narrative.service';
import type * as NarrativeDocxTask from './narrative-docx.task';

/** Builds the narrative .docx from its document in the worker pool (see BuildCache). */
const NARRATIVE_DOCX_TASK = workerTask<typeof NarrativeDocxTask, 'buildNarrativeDocxBytes'>(path.join(__dirname, 'narrative-docx.task'), 'buildNarrativeDocxBytes');

/** The aspects' kabupaten scores and categories, overall and per group. */
function aspectFigures({ instrument, aggregate }: PeriodScores): AspectFigure[] {
  return instrument.aspects.map((a) => {
    const score = aggregate.aspectScores[a.code] ?? null;
    return {
      code: a.code, name: a.name, weight: a.weight, score,
      category: score === null ? null : categorize(score, instrument.categories),
      pd: aggregate.byGroup.pd.aspectScores[a.code] ?? null, kecamatan: aggregate.byGroup.kecamatan.aspectScores[a.code] ?? null,
    };
  });
}

/** The closing signature from the document settings. */
function signatureOf(settings: Pick<SettingsRepo, 'get'>): NarrativeDocument['signature'] {
  const setting = (key: DocumentSettingKey) => documentSetting(settings, key);
  return {
    dateLine: signatureDateLine(setting('renaksi.place'), setting('renaksi.date')),
    office: setting('renaksi.office'),
    name: setting('renaksi.signer'),
    nip: setting('renaksi.nip'),
  };
}

/**
 * Everything the narrative prints for a period: the team's texts and every figure from the data. A final plan prints
 * what it was signed with: the scores, the kabupaten conditions and the document settings stored with its newest
 * version (its rows, years and texts cannot change while it is final); a draft prints them as they are now.
 */
export function narrativeDocument(deps: NarrativeDeps, periodId: number): NarrativeDocument {
  const signed = readSignedDocument(deps, periodId);
  const settings = documentSettingsOf(deps.settings, signed);
  const scores = periodScores(deps, periodId);
  const { instrument, aggregate, units } = scores;
  const plan = readPlanSummary(deps, periodId);
  const categories = [...instrument.categories].sort((a, b) => b.min - a.min);
  const aspects = aspectFigures(scores);
  const total = (group?: 'pd' | 'kecamatan') => units.filter((u) => !group || u.group === group).length;
  const figure = (label: string, g: { index: number | null; category: string | null; unitCount: number }, n: number) => ({ label, index: g.index, category: g.category, counted: g.unitCount, total: n });
  return {
    paper: documentPaper(settings),
    regionName: documentSetting(settings, 'renaksi.region'),
    periodName: scores.period.name,
    years: plan.years,
    basisNote: 'Skor memakai tingkat hasil verifikasi; indikator yang belum diverifikasi memakai tingkat penilaian mandiri.',
    texts: narrativeTexts(storedTexts(deps, periodId)),
    kabupaten: figure('Kabupaten', aggregate, total()),
    groups: [figure(GROUP_LABELS.pd, aggregate.byGroup.pd, total('pd')), figure(GROUP_LABELS.kecamatan, aggregate.byGroup.kecamatan, total('kecamatan'))],
    aspects,
    chart: { bars: aspects.map((a) => ({ code: a.code, score: a.score, category: a.category })), thresholds: categories.map((c) => c.min) },
    categories,
    unitCategories: unitCategories(
      units.map((u) => ({ name: u.name, group: u.group, included: u.included, complete: u.score.complete, category: u.score.category })),
      categories.map((c) => c.label),
    ),
    conditions: readKabupatenConditions(deps, periodId, signed),
    sasaran: sasaranLines(plan, aspects, new Map(instrument.aspects.flatMap((a) => a.indicators).map((i) => [i.code, i.title]))),
    signature: signatureOf(settings),
  };
}

/**
 * The narrative .docx of a period, audited as a download: its document gathered here, the bytes built in the worker
 * pool (a build of a few hundred milliseconds stays off the request thread), or taken from `deps.docs` when the same
 * document was built before.
 */
export async function exportNarrativeDocx(deps: NarrativeDeps, user: User, periodId: number): Promise<Buffer> {
  const bytes = await deps.docs.get(NARRATIVE_DOCX_TASK, narrativeDocument(deps, periodId));
  deps.audit.record({ userId: user.id, action: 'export.renaksi.docx', entity: 'period', entityId: periodId });
  return bytes;
}
