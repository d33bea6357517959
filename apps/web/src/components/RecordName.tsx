import type { Company, Contact, Deal, RecordRef } from '@spanner/contracts';
import { Link } from 'react-router';
import { useRecord } from '../lib/record-api';
import type { RecordKind } from '../lib/record-kinds';
import { recordKindsByType, recordPath, recordTitle, recordTypeNouns } from '../lib/record-refs';
import { textLinkClasses } from './ui/text-link';

type AnyRecordKind = RecordKind<Company | Contact | Deal, unknown, unknown, unknown>;

/** A link to a company, contact or deal by its reference, named once the record has loaded. */
export function RecordLinkByRef({ record }: { record: RecordRef }) {
  const loaded = useRecord(recordKindsByType[record.type] as unknown as AnyRecordKind, record.id);
  const title = loaded.data ? recordTitle(record.type, loaded.data) : loaded.isError ? `A deleted ${recordTypeNouns[record.type]}` : '…';
  return (
    <Link to={recordPath(record)} className={textLinkClasses}>
      {title}
    </Link>
  );
}
