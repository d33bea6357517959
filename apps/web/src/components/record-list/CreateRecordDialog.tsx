import type { Member } from '@spanner/contracts';
import type { ReactNode } from 'react';
import { Dialog } from '../ui/Dialog';

export interface CreateRecordDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  members: Member[];
  /** The creator owns the new record unless they choose someone else. */
  currentUserId: string;
}

interface Props extends Pick<CreateRecordDialogProps, 'open' | 'onOpenChange'> {
  title: string;
  description: string;
  /** The form; `onDone` closes the dialog. */
  children: (onDone: () => void) => ReactNode;
}

/** A "New …" dialog. Its form unmounts on close, so every opening starts blank. */
export function CreateRecordDialog({ open, onOpenChange, title, description, children }: Props) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      {children(() => onOpenChange(false))}
    </Dialog>
  );
}
