import type { Migration } from 'kysely';
import * as foundation from './2026_11_22_0001_foundation.ts';
import * as screeningAssessment from './2026_11_22_0002_screening_assessment.ts';
import * as programmes from './2026_11_22_0003_programmes.ts';
import * as placement from './2026_11_22_0004_placement.ts';
import * as routine from './2026_11_22_0005_routine.ts';
import * as timetable from './2026_11_22_0006_timetable.ts';
import * as careRecord from './2026_11_22_0007_care_record.ts';
import * as conferenceAgency from './2026_11_23_0008_conference_agency.ts';
import * as agreements from './2026_11_23_0009_agreements.ts';
import * as aftercare from './2026_11_23_0011_aftercare.ts';
import * as staffTraining from './2026_11_23_0010_staff_training.ts';
import * as postRehab from './2026_11_23_0012_post_rehab.ts';
import * as postRehabEnd from './2026_11_23_0013_post_rehab_end.ts';
import * as healthPlatformConsent from './2026_11_23_0014_health_platform_consent.ts';

// Listed explicitly so the same set runs from source, from tests and from the CLI, in name order.
export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_foundation': foundation,
  '2026_11_22_0002_screening_assessment': screeningAssessment,
  '2026_11_22_0003_programmes': programmes,
  '2026_11_22_0004_placement': placement,
  '2026_11_22_0005_routine': routine,
  '2026_11_22_0006_timetable': timetable,
  '2026_11_22_0007_care_record': careRecord,
  '2026_11_23_0008_conference_agency': conferenceAgency,
  '2026_11_23_0009_agreements': agreements,
  '2026_11_23_0010_staff_training': staffTraining,
  '2026_11_23_0011_aftercare': aftercare,
  '2026_11_23_0012_post_rehab': postRehab,
  '2026_11_23_0013_post_rehab_end': postRehabEnd,
  '2026_11_23_0014_health_platform_consent': healthPlatformConsent,
};
