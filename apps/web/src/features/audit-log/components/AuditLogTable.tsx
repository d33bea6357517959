import type { AuditEntry } from '@spanner/contracts';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { Cell, HeaderCell, Table, TableBody, TableHead } from '../../../components/ui/Table';
import { formatDateTime } from '../../../lib/format';
import { actionLabels } from '../filters';

const actionTones = { insert: 'success', update: 'primary', delete: 'danger' } as const;
const actorTypeLabels = { user: 'User', apiKey: 'API key', system: 'System' } as const;

interface AuditLogTableProps {
  entries: AuditEntry[];
  /** Narrows the log to one actor's changes. */
  onFilterActor: (actorId: string) => void;
}

export function AuditLogTable({ entries, onFilterActor }: AuditLogTableProps) {
  return (
    <Table caption="Audit log">
      <TableHead>
        <HeaderCell>When</HeaderCell>
        <HeaderCell>Actor</HeaderCell>
        <HeaderCell>Action</HeaderCell>
        <HeaderCell>Table</HeaderCell>
        <HeaderCell>Row</HeaderCell>
        <HeaderCell>Changes</HeaderCell>
      </TableHead>
      <TableBody>
        {entries.map((entry) => (
          <tr key={entry.id} className="align-top">
            <Cell className="whitespace-nowrap">{formatDateTime(entry.at)}</Cell>
            <Cell>
              <ActorName entry={entry} onFilterActor={onFilterActor} />
              <span className="block text-xs text-muted-foreground">{actorTypeLabels[entry.actor.type]}</span>
            </Cell>
            <Cell>
              <Badge tone={actionTones[entry.action]}>{actionLabels[entry.action]}</Badge>
            </Cell>
            <Cell className="font-mono text-xs">{entry.tableName}</Cell>
            <Cell className="font-mono text-xs break-all">{entry.rowId}</Cell>
            <Cell>
              <Changes changes={entry.changes} />
            </Cell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

function ActorName({ entry, onFilterActor }: Pick<AuditLogTableProps, 'onFilterActor'> & { entry: AuditEntry }) {
  const { id, name, type } = entry.actor;
  const label = name ?? (type === 'system' ? 'System' : 'Deleted');
  if (id === null) return <span className="font-medium">{label}</span>;
  return (
    <Button variant="ghost" size="sm" className="-mx-2 h-auto py-0.5" aria-label={`Show only changes by ${label}`} title={`Show only changes by ${label}`} onClick={() => onFilterActor(id)}>
      {label}
    </Button>
  );
}

function Changes({ changes }: { changes: AuditEntry['changes'] }) {
  const fields = Object.entries(changes);
  if (fields.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <details>
      <summary className="cursor-pointer rounded-sm text-sm focus-visible:outline-2 focus-visible:outline-ring">
        {fields.length === 1 ? '1 field' : `${fields.length} fields`}
      </summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {fields.map(([field, { old: before, new: after }]) => (
          <div key={field} className="contents">
            <dt className="font-mono text-muted-foreground">{field}</dt>
            <dd className="font-mono break-all">
              {show(before)} → {show(after)}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
