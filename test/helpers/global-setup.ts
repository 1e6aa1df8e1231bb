import { writeTemplateForRun } from './template-db';

export default function globalSetup(): void {
  writeTemplateForRun();
}
