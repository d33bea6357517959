import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Dialog, DialogActions } from '../ui/Dialog';
import { Cell, HeaderCell, Table, TableBody, TableHead } from '../ui/Table';
import { fieldLabel, type FieldFormatter } from './field-values';
import type { Conflict } from './use-record-save';

interface ConflictDialogProps {
  conflict: Conflict<unknown> | null;
  /** "contact": what was edited. */
  noun: string;
  format: FieldFormatter;
  onKeepTheirs: () => void;
  onApplyMine: () => void;
}

/**
 * Someone saved the record while the user was editing it: per field the user changed, their value
 * and the user's, and the choice between them. Closing the dialog keeps theirs: nothing is sent.
 */
export function ConflictDialog({ conflict, noun, format, onKeepTheirs, onApplyMine }: ConflictDialogProps) {
  const current = (conflict?.current ?? {}) as Record<string, unknown>;
  const fields = Object.keys(conflict?.edit.patch ?? {});
  const clashing = new Set(conflict?.fields ?? []);
  return (
    <Dialog
      open={conflict !== null}
      onOpenChange={(open) => !open && onKeepTheirs()}
      title={`Someone else changed this ${noun}`}
      description="They saved it while you were editing. Keep their version, or apply yours on top of it."
    >
      <Table caption="Their values and yours">
        <TableHead>
          <HeaderCell>Field</HeaderCell>
          <HeaderCell>Theirs</HeaderCell>
          <HeaderCell>Yours</HeaderCell>
        </TableHead>
        <TableBody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {fieldLabel(field)}
                {!clashing.has(field) && (
                  <span className="ml-2">
                    <Badge>not changed by them</Badge>
                  </span>
                )}
              </th>
              <Cell>{format(field, current[field])}</Cell>
              <Cell>{format(field, conflict?.edit.patch[field])}</Cell>
            </tr>
          ))}
        </TableBody>
      </Table>
      <DialogActions>
        <Button variant="secondary" onClick={onKeepTheirs}>
          Keep theirs
        </Button>
        <Button onClick={onApplyMine}>Apply mine</Button>
      </DialogActions>
    </Dialog>
  );
}
