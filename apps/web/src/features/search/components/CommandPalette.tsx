import * as DialogPrimitive from '@radix-ui/react-dialog';
import type { RecordType, SearchHit } from '@spanner/contracts';
import { Command } from 'cmdk';
import { Building2, HandCoins, KanbanSquare, ListChecks, Plus, Search, Settings, Trash2, User } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { buttonVariants } from '../../../components/ui/button-variants';
import { Spinner } from '../../../components/ui/Spinner';
import { describeError } from '../../../lib/api-client';
import { openCreateDialog } from '../../../lib/create-dialogs';
import { recordPath } from '../../../lib/record-refs';
import { useDebounced } from '../../../lib/use-debounced';
import { useGlobalSearch } from '../api';

/** Typing pauses this long before the search is asked: quick enough to feel live, few requests. */
export const PALETTE_DEBOUNCE_MS = 150;

interface PaletteAction {
  id: string;
  label: string;
  icon: ReactNode;
  /** Other words it answers to ("add" for "New …"). */
  keywords: string;
  run: (navigate: (path: string) => void) => void;
}

const createActions: PaletteAction[] = [
  { id: 'new-contact', label: 'New contact', icon: <Plus />, keywords: 'add create person', run: () => openCreateDialog('contact') },
  { id: 'new-company', label: 'New company', icon: <Plus />, keywords: 'add create organisation organization', run: () => openCreateDialog('company') },
  { id: 'new-deal', label: 'New deal', icon: <Plus />, keywords: 'add create opportunity', run: () => openCreateDialog('deal') },
];

const goTo = (path: string, label: string, icon: ReactNode, keywords = ''): PaletteAction => ({ id: `go-${path}`, label, icon, keywords: `go open ${keywords}`, run: (navigate) => navigate(path) });

const navigationActions: PaletteAction[] = [
  goTo('/companies', 'Go to Companies', <Building2 />, 'list'),
  goTo('/contacts', 'Go to Contacts', <User />, 'list people'),
  goTo('/deals', 'Go to Deals', <HandCoins />, 'list'),
  goTo('/deals/board', 'Go to Deals board', <KanbanSquare />, 'pipeline kanban stages'),
  goTo('/tasks', 'Go to My tasks', <ListChecks />, 'todo'),
  goTo('/trash', 'Go to Trash', <Trash2 />, 'deleted restore'),
  goTo('/settings', 'Go to Settings', <Settings />, 'profile members organization'),
];

const groupHeadings: Record<RecordType, string> = { company: 'Companies', contact: 'Contacts', deal: 'Deals' };
const hitIcons: Record<RecordType, ReactNode> = { company: <Building2 />, contact: <User />, deal: <HandCoins /> };

const matches = (action: PaletteAction, q: string) => q === '' || `${action.label} ${action.keywords}`.toLowerCase().includes(q.toLowerCase());

const groupClasses = '[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground';

const itemClasses =
  'flex cursor-default items-center gap-3 rounded-md px-3 py-2 text-sm outline-none select-none data-[selected=true]:bg-muted [&>svg]:size-4 [&>svg]:shrink-0 [&>svg]:text-muted-foreground';

/** Whether a key press is the palette's shortcut: Cmd+K on a Mac, Ctrl+K elsewhere (both work everywhere). */
export const isPaletteShortcut = (event: KeyboardEvent) => (event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k';

/**
 * Cmd/Ctrl+K anywhere: search companies, contacts and deals (Enter opens the record), create one,
 * or go to a page. The server ranks the results, so the list is shown in its order.
 */
export function CommandPalette({ canCreate }: { canCreate: boolean }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const navigate = useNavigate();
  const searched = useDebounced(q.trim(), PALETTE_DEBOUNCE_MS);
  const search = useGlobalSearch(open ? searched : '');
  const hits = searched === '' ? [] : (search.data ?? []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      event.preventDefault();
      setOpen((current) => !current);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) setQ('');
  };
  const run = (action: () => void) => {
    close(false);
    action();
  };

  const actions = (canCreate ? createActions : []).filter((action) => matches(action, q.trim()));
  const places = navigationActions.filter((action) => matches(action, q.trim()));
  const byType = (type: RecordType) => hits.filter((hit) => hit.type === type);

  return (
    <DialogPrimitive.Root open={open} onOpenChange={close}>
      <DialogPrimitive.Trigger asChild>
        <button type="button" aria-keyshortcuts="Control+K Meta+K" className={buttonVariants({ variant: 'secondary', size: 'sm', className: 'gap-2 text-muted-foreground' })}>
          <Search aria-hidden="true" className="size-4" />
          <span>Search</span>
          <kbd aria-hidden="true" className="hidden rounded border border-border px-1 text-xs sm:inline">
            Ctrl K
          </kbd>
        </button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <DialogPrimitive.Content className="fixed top-[12vh] left-1/2 z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-border bg-background text-foreground shadow-lg focus:outline-none">
          <DialogPrimitive.Title className="sr-only">Command palette</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">Search companies, contacts and deals, or choose an action. Arrow keys move, Enter opens.</DialogPrimitive.Description>
          {/* cmdk names the search box by this label. */}
          <Command label="Search records and actions" shouldFilter={false} loop>
            <div className="flex items-center gap-2 border-b border-border px-3">
              <Search aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
              <Command.Input
                value={q}
                onValueChange={setQ}
                placeholder="Search companies, contacts, deals… or type a command"
                className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              />
              {search.isFetching && (
                <span role="status" className="shrink-0 text-muted-foreground">
                  <Spinner />
                  <span className="sr-only">Searching…</span>
                </span>
              )}
            </div>
            <Command.List className="max-h-[min(60vh,26rem)] overflow-y-auto p-2">
              {search.isError && searched !== '' && <p className="px-3 py-2 text-sm text-danger-text">Search failed: {describeError(search.error)}</p>}
              <Command.Empty className="px-3 py-6 text-center text-sm text-muted-foreground">{search.isFetching ? 'Searching…' : `Nothing found for “${q.trim()}”.`}</Command.Empty>
              {(['contact', 'company', 'deal'] as const).map((type) =>
                byType(type).length === 0 ? null : (
                  <Command.Group key={type} heading={groupHeadings[type]} className={groupClasses}>
                    {byType(type).map((hit: SearchHit) => (
                      <Command.Item key={hit.id} value={`${hit.type}:${hit.id}`} onSelect={() => run(() => void navigate(recordPath(hit)))} className={itemClasses}>
                        {hitIcons[hit.type]}
                        <span className="min-w-0 flex-1 truncate">{hit.title}</span>
                        {hit.subtitle && <span className="truncate text-xs text-muted-foreground">{hit.subtitle}</span>}
                      </Command.Item>
                    ))}
                  </Command.Group>
                ),
              )}
              <ActionGroup heading="Actions" actions={actions} onRun={(action) => run(() => action.run((path) => void navigate(path)))} />
              <ActionGroup heading="Go to" actions={places} onRun={(action) => run(() => action.run((path) => void navigate(path)))} />
            </Command.List>
          </Command>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

function ActionGroup({ heading, actions, onRun }: { heading: string; actions: PaletteAction[]; onRun: (action: PaletteAction) => void }) {
  if (actions.length === 0) return null;
  return (
    <Command.Group heading={heading} className={groupClasses}>
      {actions.map((action) => (
        <Command.Item key={action.id} value={action.id} onSelect={() => onRun(action)} className={itemClasses}>
          {action.icon}
          {action.label}
        </Command.Item>
      ))}
    </Command.Group>
  );
}
