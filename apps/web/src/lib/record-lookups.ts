import type { Member, Tag } from '@spanner/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { membersQueryOptions } from './member-queries';
import { useAllTags } from './tag-queries';

export interface RecordLookups {
  members: Member[];
  memberName: (userId: string | null) => string | null;
  tags: Tag[];
  tagsById: ReadonlyMap<string, Tag>;
}

/** Records carry ids of their owner and tags; these turn them into names (cached, shared by every list). */
export function useRecordLookups(organizationId: string): RecordLookups {
  const members = useQuery(membersQueryOptions(organizationId)).data;
  const tags = useAllTags().data;
  return useMemo(() => {
    const names = new Map((members ?? []).map((member) => [member.userId, member.name]));
    return {
      members: members ?? [],
      // A former member's id stays on their records: say so rather than show an id.
      memberName: (userId) => (userId === null ? null : (names.get(userId) ?? (members ? 'Former member' : null))),
      tags: tags ?? [],
      tagsById: new Map((tags ?? []).map((tag) => [tag.id, tag])),
    };
  }, [members, tags]);
}

/** "opportunity" → "Opportunity": enum values as words. */
export function enumLabel(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
