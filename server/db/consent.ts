import { sql } from 'kysely';

// Consent to share (docs/access.md): an aftercare referral reaches its receiver only while the
// person's consent to that organisation is in force. The one place the condition is written, read
// by the aftercare module (the inbox, the hand-over), post-rehabilitation (roster, candidates,
// enrolment) and the timetable (a Bapas's clients).

/**
 * For a query over `referrals as r`: the person's consent to share with the referral's receiver is
 * in force (recorded and not revoked).
 */
export const referralConsentInForce = sql<boolean>`EXISTS (
  SELECT 1 FROM aftercare_consents ac WHERE ac.wbp_id = r.wbp_id AND ac.organization_id = r.to_organization_id AND ac.revoked_on IS NULL)`;
