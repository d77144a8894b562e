/**
 * Where a Bapas manages its post-rehabilitation clients: its programme list, on the Bapas, where each
 * post-rehabilitation programme has its clients' panel. Shared by the aftercare inbox and the programmes page.
 */
export function postRehabProgrammesPath(bapasId: string): string {
  return `/program?${new URLSearchParams({ upt: bapasId }).toString()}`;
}
