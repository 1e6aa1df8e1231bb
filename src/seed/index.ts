export { DEFAULT_PERIOD_NAME, seedBase, seedInstruments, seedUnits, type SeedDeps, type SeedResult } from './seed.service';
export { seedDemo } from './demo.service';
export { seedDemoPlan } from './demo-plan';
export { seedDemoMonev } from './demo-monev';
export { seedDemoContacts, demoContacts } from './demo-contacts';
export { prng, sampleAssessment, writeSampleAssessment } from './sample-answers';
export { seedDemoProgress, DEMO_NEXT_PERIOD_NAME, DEMO_ADDED_UNIT, demoMoveOf, movedLevel } from './demo-progress';
