/** A period as the progress figures name it (the later and earlier periods, the plan's period, the measuring one). */
export interface PeriodRef {
  id: number;
  name: string;
  year: number;
  isDemo: boolean;
  instrumentVersion: string;
}
