/*
 * What the browser scripts share, for `tsc -p tsconfig.public.json` (the scripts themselves carry JSDoc types):
 * the helpers one script puts on window for another, the browser queue's entries, and chart.js, loaded by its own
 * <script> tag from node_modules (views/dashboard/show.ejs and others).
 */

/** A changed answer waiting in the browser queue (questionnaire.js stores it, session.js reads and describes it). */
interface Sp4nAnswerJob {
  t: 'a';
  /** The id of the person who made the change. */
  u: string;
  code: string;
  version: number;
  level: number | null;
  na: boolean;
  note: string;
  conflict?: boolean;
  /** The server's message when it refused the change for good. */
  refused?: string;
}

/** An evidence link waiting in the browser queue; `key` makes a retry add it only once. */
interface Sp4nLinkJob {
  t: 'l';
  u: string;
  code: string;
  url: string;
  key: string;
  conflict?: boolean;
  refused?: string;
}

type Sp4nJob = Sp4nAnswerJob | Sp4nLinkJob;

/** window.sp4nQueue (session.js): the browser queue's storage, per person, period and unit. */
interface Sp4nQueue {
  prefix(user: string, period: string, unit: string): string;
  read(prefix: string, user: string): [string, Sp4nJob][];
  write(prefix: string, id: string, job: Sp4nJob | null | undefined): void;
  count(user: string): number;
  clear(user: string): void;
  describe(job: Sp4nJob): string;
  /** Set by the questionnaire: sends what it can; resolves to true when nothing is left waiting. */
  flush?: (() => Promise<boolean>) | null;
}

/** An indicator's answer as the questionnaire form holds it. */
interface Sp4nAnswer {
  level: number | null;
  na: boolean;
  note: string;
}

/** An evidence item as the server renders it into the list. */
interface Sp4nEvidenceItem {
  id: number;
  code: string;
  html: string;
}

/** What the questionnaire's JSON endpoints answer (some of the fields, by endpoint and outcome). */
interface Sp4nReply {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
  evidence?: Sp4nEvidenceItem[];
  /** A saved answer (src/assessments/assessments.routes.ts). */
  answer?: { code: string; level: number | null; na: boolean; note: string; version: number; copied: boolean; savedAt: string; savedTime: string };
  /** Someone else's answer saved meanwhile (409), with its HTML to show beside the person's own. */
  conflict?: { code: string; level: number | null; na: boolean; note: string; version: number; html: string };
}

/** What questionnaire.js lends questionnaire-evidence.js. */
interface Sp4nEvidencePage {
  csrf: string;
  headers: Record<string, string>;
  note(code: string, text: string, bad?: boolean): void;
  addItems(list: Sp4nEvidenceItem[] | undefined): void;
  warn(code: string): void;
}

/** What questionnaire.js lends questionnaire-submit.js. */
interface Sp4nSubmitPage {
  read(code: string): Sp4nAnswer;
  pending(code: string): boolean;
  flush(): Promise<boolean>;
  leave(): void;
}

interface Sp4nEvidence {
  upload(code: string, input: HTMLInputElement): void;
  remove(code: string, tick: HTMLInputElement): void;
}

interface Window {
  sp4nQueue?: Sp4nQueue;
  sp4nEvidence?: (form: HTMLFormElement, page: Sp4nEvidencePage) => Sp4nEvidence;
  sp4nConfirmSubmit?: (form: HTMLFormElement, button: HTMLButtonElement | HTMLInputElement, page: Sp4nSubmitPage) => void;
  /** dashboard.js: draws the charts under a root (the presentation deck redraws its slides with it). */
  SP4NCharts?: { drawAll(root?: ParentNode): void; charts(): import('chart.js').Chart[] };
}

/** chart.js's UMD build (public/js/dashboard.js checks that it loaded). */
declare var Chart: typeof import('chart.js').Chart;
