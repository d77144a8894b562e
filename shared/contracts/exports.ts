import { z } from 'zod';
import { isoDate, uuid } from './common.ts';

/** The period of an export (both days included, real dates before any shift). */
export const exportPeriodQuery = z.object({ from: isoDate, to: isoDate });
export type ExportPeriodQuery = z.infer<typeof exportPeriodQuery>;

/** The research files: a period, and optionally one unit among those the actor sees in aggregate. */
export const researchExportQuery = exportPeriodQuery.extend({ facilityId: uuid.optional() });
export type ResearchExportQuery = z.infer<typeof researchExportQuery>;

export const RESEARCH_FILES = ['people', 'events'] as const;
export type ResearchFile = (typeof RESEARCH_FILES)[number];

export const SIRENA_FILES = ['clients', 'services'] as const;
export type SirenaFile = (typeof SIRENA_FILES)[number];
