import { buildQuestionnaireWorkbook, type QuestionnaireDocument } from './questionnaire-workbook';
import { lowerWorkerThreadPriority } from '../shared/worker-thread';

lowerWorkerThreadPriority();

/** Runs in the worker pool: the offline questionnaire workbook's bytes from its document (plain data). */
export async function buildQuestionnaireXlsx(doc: QuestionnaireDocument): Promise<Uint8Array> {
  const wb = await buildQuestionnaireWorkbook(doc);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
