/** Bahasa Indonesia for Therapeutic Community phases, peer roles, re-assessment and care tasks. */
export const progressId = {
};
