import type { RecordRef } from '@spanner/contracts';
import { cx } from 'class-variance-authority';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { toast } from 'sonner';
import { describeError } from '../../lib/api-client';
import { renderMarkdown } from '../../lib/markdown';
import { useCreateNote } from '../../lib/timeline-queries';
import { Button } from '../ui/Button';
import { controlClasses } from '../ui/control-classes';
import { FormAlert } from '../ui/FormAlert';
import { proseClasses } from './prose';

type Tab = 'write' | 'preview';
const tabs: { id: Tab; label: string }[] = [
  { id: 'write', label: 'Write' },
  { id: 'preview', label: 'Preview' },
];

interface NoteComposerProps {
  record: RecordRef;
  collection: string;
}

/**
 * Writes a note in Markdown, with a preview rendered the way the server will render it. Ctrl/Cmd+Enter
 * adds it; the timeline then shows the server's rendering.
 */
export function NoteComposer({ record, collection }: NoteComposerProps) {
  const [body, setBody] = useState('');
  const [tab, setTab] = useState<Tab>('write');
  const create = useCreateNote(collection);
  const id = useId();
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ write: null, preview: null });
  const empty = body.trim() === '';

  const submit = () => {
    if (empty || create.isPending) return;
    create.mutate(
      { body, record },
      {
        onSuccess: () => {
          setBody('');
          setTab('write');
          toast.success('Note added.');
        },
      },
    );
  };

  // Arrow keys move between the tabs (WAI-ARIA tabs pattern), Home and End to the ends.
  const onTabKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((candidate) => candidate.id === tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length]!.id;
    setTab(target);
    tabRefs.current[target]?.focus();
  };

  return (
    <form
      aria-label="Add a note"
      className="flex flex-col gap-2 rounded-lg border border-border p-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div role="tablist" aria-label="Note editor" className="flex gap-1" onKeyDown={onTabKeyDown}>
        {tabs.map((candidate) => (
          <button
            key={candidate.id}
            ref={(element) => {
              tabRefs.current[candidate.id] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-${candidate.id}-tab`}
            aria-selected={tab === candidate.id}
            aria-controls={`${id}-${candidate.id}-panel`}
            tabIndex={tab === candidate.id ? 0 : -1}
            className={cx(
              'rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-ring',
              tab === candidate.id ? 'bg-muted text-foreground' : 'text-muted-foreground hover:text-foreground',
            )}
            onClick={() => setTab(candidate.id)}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-write-panel`} aria-labelledby={`${id}-write-tab`} hidden={tab !== 'write'}>
        <textarea
          aria-label="Note"
          placeholder="Write a note… Markdown works: **bold**, lists, links."
          rows={4}
          className={cx(controlClasses, 'h-auto min-h-24 resize-y py-2')}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
      </div>
      <div role="tabpanel" id={`${id}-preview-panel`} aria-labelledby={`${id}-preview-tab`} hidden={tab !== 'preview'} className="min-h-24 rounded-md border border-border p-3">
        {empty ? (
          <p className="text-sm text-muted-foreground">Nothing to preview yet.</p>
        ) : (
          // markdown-it with html:false escapes raw HTML and refuses script links: the same rules as the server.
          <div className={proseClasses} dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
        )}
      </div>
      <FormAlert message={create.isError ? describeError(create.error) : undefined} />
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to add
        </p>
        <Button type="submit" size="sm" loading={create.isPending} disabled={empty}>
          Add note
        </Button>
      </div>
    </form>
  );
}
