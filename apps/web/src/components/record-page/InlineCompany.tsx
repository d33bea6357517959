import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { CompanyName, CompanyPicker } from '../CompanyPicker';
import { Button } from '../ui/Button';
import { textLinkClasses } from '../ui/text-link';
import type { SaveResult } from './use-record-save';

interface InlineCompanyProps {
  companyId: string | null;
  canEdit: boolean;
  onSave: (companyId: string | null) => Promise<SaveResult>;
}

/** A deal's company: a link to it, and a search to choose another (or none). */
export function InlineCompany({ companyId, canEdit, onSave }: InlineCompanyProps) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <div className="flex items-center gap-1">
        <div className="flex-1">
          <CompanyPicker
            aria-label="Company"
            value={companyId ?? ''}
            onChange={(id) => {
              setEditing(false);
              void onSave(id === '' ? null : id);
            }}
          />
        </div>
        <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    );
  }
  return (
    <div className="flex min-h-8 items-center gap-2 px-2">
      {companyId ? (
        <Link to={`/companies/${companyId}`} className={textLinkClasses}>
          <CompanyName id={companyId} />
        </Link>
      ) : (
        <span className="text-muted-foreground">No company</span>
      )}
      {canEdit && <Button variant="ghost" size="sm" icon={<Pencil />} aria-label="Change company" onClick={() => setEditing(true)} />}
    </div>
  );
}
