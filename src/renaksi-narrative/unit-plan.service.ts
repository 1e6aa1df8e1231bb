import path from 'node:path';
import { AppError, notFound } from '../errors/app-error';
import { decreeSubject, sasaranText, yearSpan } from '../renaksi';
import { documentPaper, documentSetting, type DocumentSettingKey } from '../shared/document-settings';
import { GROUP_LABELS } from '../shared/format';
import type { User } from '../shared/identity';
import { workerTask } from '../shared/worker-pool';
import { requireUnitAccess } from '../web/guards';
import { signatureDateLine } from './narrative-model';
import { unitPlanSections, type UnitPlanDocument } from './unit-plan-model';
import type { NarrativeDeps } from './narrative.service';
import { documentSettingsOf, readSignedDocument } from './narrative-sources';
import type * as UnitPlanDocxTask from './unit-plan-docx.task';

/** Builds a unit's own Renaksi .docx from its document in the worker pool (see BuildCache). */
const UNIT_PLAN_DOCX_TASK = workerTask<typeof UnitPlanDocxTask, 'buildUnitPlanDocxBytes'>(path.join(__dirname, 'unit-plan-docx.task'), 'buildUnitPlanDocxBytes');

/**
 * Who may read a unit's own Renaksi: the Renaksi's readers any unit's, as soon as the plan is drafted (404 before);
 * a narahubung only their own unit's (403 for another), and only once the kabupaten plan is final (403 before).
 */
function requireUnitPlanAccess(deps: NarrativeDeps, user: User, periodId: number, unitId: number): { final: boolean } {
  deps.renaksi.loadPeriod(periodId);
  requireUnitAccess(user, unitId);
  const plan = deps.renaksi.findPlan(periodId);
  if (user.role === 'narahubung' && plan?.status !== 'final') {
    throw new AppError(403, 'renaksi-not-final', 'Renaksi unit dapat diunduh setelah Renaksi kabupaten difinalkan oleh tim Renaksi.');
  }
  if (!plan) throw notFound('Renaksi');
  return { final: plan.status === 'final' };
}

/**
 * Everything a unit's own Renaksi prints, after the access check above. The decree, region, paper and signature of a
 * final plan are those it was signed with (as in the kabupaten narrative: documentSettingsOf), else the current ones.
 */
export function unitPlanDocument(deps: NarrativeDeps, user: User, periodId: number, unitId: number): UnitPlanDocument {
  const { final } = requireUnitPlanAccess(deps, user, periodId, unitId);
  const own = deps.renaksi.unitPlan(periodId, unitId);
  const { instrument } = deps.renaksi.loadPeriod(periodId);
  const settings = documentSettingsOf(deps.settings, readSignedDocument(deps, periodId));
  const setting = (key: DocumentSettingKey) => documentSetting(settings, key);
  const regionName = setting('renaksi.region');
  const items = own.items.map((i) => ({ ...i, sasaran: sasaranText({ ...i, sasaran: i.sasaran ?? undefined }) }));
  return {
    paper: documentPaper(settings),
    regionName,
    periodName: own.period.name,
    years: own.years,
    yearsLabel: yearSpan(own.years),
    final,
    decree: { nomor: setting('renaksi.decreeNumber'), tanggal: setting('renaksi.decreeDate'), subject: decreeSubject({ regionName, years: own.years }) },
    closing: { dateLine: signatureDateLine(setting('renaksi.place'), setting('renaksi.date')), office: setting('renaksi.office'), name: setting('renaksi.signer') },
    unit: { code: own.unit.code, name: own.unit.name, groupLabel: GROUP_LABELS[own.unit.group], submitted: own.unit.submitted },
    head: own.head,
    narahubung: own.narahubung,
    ...unitPlanSections(items, instrument.aspects, own.years, own.notes),
  };
}

/** A unit's own Renaksi as .docx bytes with its file name, audited as a download. */
export async function exportUnitPlanDocx(deps: NarrativeDeps, user: User, periodId: number, unitId: number): Promise<{ bytes: Buffer; fileName: string }> {
  const doc = unitPlanDocument(deps, user, periodId, unitId);
  const bytes = await deps.docs.get(UNIT_PLAN_DOCX_TASK, doc);
  deps.audit.record({ userId: user.id, action: 'export.renaksi.unit', entity: 'period', entityId: periodId, unitId });
  return { bytes, fileName: `renaksi-sp4n-lapor-periode-${periodId}-${doc.unit.code.toLowerCase()}.docx` };
}
