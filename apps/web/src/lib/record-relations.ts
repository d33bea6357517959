import { contactCompanyLinkListSchema, dealContactLinkListSchema, type LinkCompanyRequest, type LinkContactRequest } from '@spanner/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, noContent } from './api-client';

/**
 * The many-to-many links between records: a contact's companies, a company's contacts, a deal's
 * contacts. A link changes both sides, so every change refreshes all links of both kinds (the keys
 * sit under each kind's own, `['contacts', 'links', id]`).
 */
const linkKeys = {
  contactCompanies: (contactId: string) => ['contacts', 'links', contactId] as const,
  companyContacts: (companyId: string) => ['companies', 'links', companyId] as const,
  dealContacts: (dealId: string) => ['deals', 'links', dealId] as const,
};

function useInvalidateLinks() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['contacts', 'companies', 'deals'].map((collection) => queryClient.invalidateQueries({ queryKey: [collection, 'links'] })));
}

export function useContactCompanies(contactId: string) {
  return useQuery({
    queryKey: linkKeys.contactCompanies(contactId),
    queryFn: ({ signal }) => apiRequest(`/api/v1/contacts/${contactId}/companies`, contactCompanyLinkListSchema, { signal }),
    select: (list) => list.data,
  });
}

export function useCompanyContacts(companyId: string) {
  return useQuery({
    queryKey: linkKeys.companyContacts(companyId),
    queryFn: ({ signal }) => apiRequest(`/api/v1/companies/${companyId}/contacts`, contactCompanyLinkListSchema, { signal }),
    select: (list) => list.data,
  });
}

export function useDealContacts(dealId: string) {
  return useQuery({
    queryKey: linkKeys.dealContacts(dealId),
    queryFn: ({ signal }) => apiRequest(`/api/v1/deals/${dealId}/contacts`, dealContactLinkListSchema, { signal }),
    select: (list) => list.data,
  });
}

/** Links or unlinks records through `path`; the answer to a link is the new list, refreshed on both sides. */
function useLinkMutation<Variables>(request: (variables: Variables) => Promise<unknown>) {
  const invalidateLinks = useInvalidateLinks();
  return useMutation({ mutationFn: request, onSuccess: invalidateLinks });
}

/** From a contact: works at a company (with a role; primary makes it the contact's main company). */
export const useLinkCompany = (contactId: string) =>
  useLinkMutation((link: LinkCompanyRequest) => apiRequest(`/api/v1/contacts/${contactId}/companies`, contactCompanyLinkListSchema, { method: 'POST', json: link }));

export const useUnlinkCompany = (contactId: string) =>
  useLinkMutation((companyId: string) => apiRequest(`/api/v1/contacts/${contactId}/companies/${companyId}`, noContent, { method: 'DELETE' }));

/** From a company: one of its people. */
export const useLinkContact = (companyId: string) =>
  useLinkMutation((link: LinkContactRequest) => apiRequest(`/api/v1/companies/${companyId}/contacts`, contactCompanyLinkListSchema, { method: 'POST', json: link }));

export const useUnlinkContact = (companyId: string) =>
  useLinkMutation((contactId: string) => apiRequest(`/api/v1/companies/${companyId}/contacts/${contactId}`, noContent, { method: 'DELETE' }));

/** From a deal: someone involved, with their part in it. */
export const useLinkDealContact = (dealId: string) =>
  useLinkMutation((link: { contactId: string; role?: string | null }) => apiRequest(`/api/v1/deals/${dealId}/contacts`, dealContactLinkListSchema, { method: 'POST', json: link }));

export const useUnlinkDealContact = (dealId: string) =>
  useLinkMutation((contactId: string) => apiRequest(`/api/v1/deals/${dealId}/contacts/${contactId}`, noContent, { method: 'DELETE' }));
