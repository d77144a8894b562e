/** A drug case is one charged or sentenced under the Narcotics Law, UU 35/2009. */
export const NARCOTICS_LAW = '35/2009';

export function isDrugCase(caseArticles: readonly string[]): boolean {
  return caseArticles.some((a) => a.includes(NARCOTICS_LAW));
}
