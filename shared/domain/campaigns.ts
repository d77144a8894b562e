/** The groups an education campaign (penyuluhan) reaches, counted, never named. */
export const AUDIENCES = ['wbp', 'staff', 'family', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export type AudienceCounts = Record<Audience, number>;

export function audienceTotal(a: AudienceCounts): number {
  return AUDIENCES.reduce((sum, k) => sum + a[k], 0);
}

/** A campaign reached someone: at least one group above zero. */
export function audienceProblems(a: AudienceCounts): { field: string; message: string }[] {
  return audienceTotal(a) > 0 ? [] : [{ field: 'audience', message: 'validation.campaign.noAudience' }];
}
