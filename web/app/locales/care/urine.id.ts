/** Bahasa Indonesia for urine tests: selection, chain of custody, results and follow-up. */
export const urineId = {
};
