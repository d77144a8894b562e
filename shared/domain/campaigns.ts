/** The groups an education campaign (penyuluhan) reaches, counted, never named. */
export const AUDIENCES = ['wbp', 'staff', 'family', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export type AudienceCounts = Record<Audience, number>;

export const NO_AUDIENCE: AudienceCounts = { wbp: 0, staff: 0, family: 0, public: 0 };

export function audienceTotal(a: AudienceCounts): number {
  return AUDIENCES.reduce((sum, k) => sum + a[k], 0);
}

/** The sums per group over many campaigns. */
export function sumAudiences(list: readonly AudienceCounts[]): AudienceCounts {
  const sum = { ...NO_AUDIENCE };
  for (const a of list) for (const k of AUDIENCES) sum[k] += a[k];
  return sum;
}

/** A campaign reached someone: at least one group above zero. */
export function audienceProblems(a: AudienceCounts): { field: string; message: string }[] {
  return audienceTotal(a) > 0 ? [] : [{ field: 'audience', message: 'validation.campaign.noAudience' }];
}
