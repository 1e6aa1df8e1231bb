import { removeTemplateOfRun } from './template-db';

export default function globalTeardown(): void {
  removeTemplateOfRun();
}
