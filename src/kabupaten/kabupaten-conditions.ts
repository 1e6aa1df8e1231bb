import type { KabupatenItem } from '../instrument';
import type { KabupatenAnswer, KabupatenEvidenceRecord } from './kabupaten.repo';
import {
  CONDITION_STATE_LABELS,
  conditionState,
  effectiveValue,
  REVIEW_STATUS_LABELS,
  reviewStatus,
  valueCriterion,
  valueLabel,
  type ConditionState,
  type KabupatenReviewStatus,
} from './kabupaten-state';

/** One condition of the kabupaten as every page and the Renaksi read it. */
export interface KabupatenCondition {
  item: KabupatenItem;
  /** The admin's answer and the verifikator's decision as stored; null before anything was saved. */
  answer: KabupatenAnswer | null;
  evidence: KabupatenEvidenceRecord[];
  status: KabupatenReviewStatus;
  statusLabel: string;
  /** The value the figures use: verified while the decision is current, else the admin's; null unanswered. */
  value: string | null;
  /** "Tingkat 3", "Ya"; null unanswered. */
  valueLabel: string | null;
  /** The instrument's criterion for that value. */
  criterion: string | null;
  state: ConditionState | null;
  stateLabel: string | null;
}

/**
 * A condition as a document prints it (Tabel 2.4 of the Renaksi narrative) and a final Renaksi version stores it:
 * plain JSON, the words included, without the answer record and the evidence.
 */
export interface ConditionRecord {
  code: string;
  title: string;
  value: string | null;
  /** "Tingkat 3", "Ya"; null unanswered. */
  valueLabel: string | null;
  state: ConditionState | null;
  stateLabel: string | null;
  status: KabupatenReviewStatus;
  statusLabel: string;
}

/** The record of a condition (see ConditionRecord). Pure. */
export function conditionRecord(c: KabupatenCondition): ConditionRecord {
  return {
    code: c.item.code, title: c.item.title, value: c.value, valueLabel: c.valueLabel, state: c.state, stateLabel: c.stateLabel,
    status: c.status, statusLabel: c.statusLabel,
  };
}

export interface KabupatenSummary {
  total: number;
  answered: number;
  /** Answers whose decision is current (accepted or changed). */
  verified: number;
  byState: Record<ConditionState, number>;
}

/** Each checklist item with its answer, decision and evidence, in the instrument's order. Pure. */
export function buildConditions(
  items: KabupatenItem[], answers: Record<string, KabupatenAnswer>, evidence: Record<string, KabupatenEvidenceRecord[]>,
): KabupatenCondition[] {
  return items.map((item) => {
    const answer = answers[item.code] ?? null;
    const status = reviewStatus(answer ?? undefined);
    const value = effectiveValue(answer ?? undefined);
    const state = value === null ? null : conditionState(item, value);
    return {
      item, answer, evidence: evidence[item.code] ?? [], status, statusLabel: REVIEW_STATUS_LABELS[status], value,
      valueLabel: value === null ? null : valueLabel(item, value),
      criterion: value === null ? null : valueCriterion(item, value),
      state, stateLabel: state === null ? null : CONDITION_STATE_LABELS[state],
    };
  });
}

/** How many conditions are answered, verified, and met fully, in part or not. Pure. */
export function summarizeConditions(conditions: KabupatenCondition[]): KabupatenSummary {
  const byState: Record<ConditionState, number> = { terpenuhi: 0, sebagian: 0, belum: 0 };
  for (const c of conditions) if (c.state) byState[c.state]++;
  return {
    total: conditions.length,
    answered: conditions.filter((c) => c.value !== null).length,
    verified: conditions.filter((c) => c.status === 'diterima' || c.status === 'diubah').length,
    byState,
  };
}
