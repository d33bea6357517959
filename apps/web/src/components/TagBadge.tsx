import type { Tag, TagColor } from '@spanner/contracts';

/** A dot of the tag's colour: the same hue reads on light and dark backgrounds, the text stays the theme's. */
const dotClasses: Record<TagColor, string> = {
  gray: 'bg-zinc-500',
  red: 'bg-red-500',
  orange: 'bg-orange-500',
  amber: 'bg-amber-500',
  green: 'bg-green-500',
  teal: 'bg-teal-500',
  blue: 'bg-blue-500',
  indigo: 'bg-indigo-500',
  purple: 'bg-purple-500',
  pink: 'bg-pink-500',
};

export function TagBadge({ tag }: { tag: Pick<Tag, 'name' | 'color'> }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs font-medium whitespace-nowrap">
      <span aria-hidden="true" className={`size-2 rounded-full ${dotClasses[tag.color]}`} />
      {tag.name}
    </span>
  );
}

/** The tags of a record, by their ids; ids of tags not (yet) loaded are left out. */
export function TagList({ tagIds, tags }: { tagIds: readonly string[]; tags: ReadonlyMap<string, Tag> }) {
  const known = tagIds.flatMap((id) => tags.get(id) ?? []);
  if (known.length === 0) return null;
  return (
    <span className="inline-flex gap-1">
      {known.map((tag) => (
        <TagBadge key={tag.id} tag={tag} />
      ))}
    </span>
  );
}
