import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog, DialogActions } from './Dialog';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** The button that does it, named for what it does ("Revoke key"), never just "OK". */
  confirmLabel: string;
  onConfirm: () => void;
  /** While the action runs: the button spins and the dialog stays. */
  pending?: boolean;
  /** E.g. until the user has typed what they are deleting. */
  confirmDisabled?: boolean;
  /** Extra content between the description and the buttons (a typed confirmation). */
  children?: ReactNode;
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, onConfirm, pending = false, confirmDisabled = false, children }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)} title={title} description={description}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirmDisabled) onConfirm();
        }}
      >
        {children}
        <DialogActions>
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" loading={pending} disabled={confirmDisabled}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
