import { useQuery } from '@tanstack/react-query';
import type { Organization } from '../../shared/contracts/admin.ts';
import { api } from './api.ts';

/** All organisations the user may see; shared by transfers (target facility) and user administration. */
export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: () => api<{ items: Organization[] }>('/api/organizations').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}
