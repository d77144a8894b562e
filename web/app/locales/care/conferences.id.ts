/** Bahasa Indonesia for case conferences, outcomes, certificates and referrals. */
export const conferencesId = {
};
