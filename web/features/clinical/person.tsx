import { useQuery } from '@tanstack/react-query';
import { clinicalKeys, fetchPerson } from './api.ts';

/** The person a clinical page is about, from the same cache entry as the register's person page. */
export function usePerson(id: string) {
  return useQuery({ queryKey: clinicalKeys.person(id), queryFn: ({ signal }) => fetchPerson(id, signal), enabled: !!id });
}
