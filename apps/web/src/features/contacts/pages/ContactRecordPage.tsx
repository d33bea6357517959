import { can, contactSources, lifecycleStages, updateContactRequestSchema, type Contact, type OrganizationMembership } from '@spanner/contracts';
import { Link } from 'react-router';
import { ConflictDialog } from '../../../components/record-page/ConflictDialog';
import { listText, useFieldFormatter } from '../../../components/record-page/field-values';
import { DetailList, DetailRow, EnumRow, InlineText, OwnershipRows } from '../../../components/record-page/InlineFields';
import { PanelSection } from '../../../components/record-page/PanelSection';
import { RecordActivity } from '../../../components/record-page/RecordActivity';
import { RecordPageFrame, RecordRoute } from '../../../components/record-page/RecordPageFrame';
import { ContactCompaniesPanel, RelatedDealsPanel } from '../../../components/record-page/RelatedPanels';
import { TasksPanel } from '../../../components/record-page/TasksPanel';
import { useRecordSave } from '../../../components/record-page/use-record-save';
import { Badge } from '../../../components/ui/Badge';
import { textLinkClasses } from '../../../components/ui/text-link';
import { contactKind } from '../../../lib/record-kinds';
import { enumLabel, useRecordLookups } from '../../../lib/record-lookups';
import { contactName } from '../../../lib/record-refs';
import { useContactCompanies } from '../../../lib/record-relations';

interface ContactRecordPageProps {
  organization: OrganizationMembership;
  currentUserId: string;
}

/** `/contacts/:id`. */
export function ContactRecordPage(props: ContactRecordPageProps) {
  return (
    <RecordRoute kind={contactKind} listPath="/contacts" listLabel="Contacts">
      {(contact) => <ContactView contact={contact} {...props} />}
    </RecordRoute>
  );
}

const fields = updateContactRequestSchema.shape;

function ContactView({ contact, organization, currentUserId }: ContactRecordPageProps & { contact: Contact }) {
  const lookups = useRecordLookups(organization.id);
  const format = useFieldFormatter(organization.id);
  const editor = useRecordSave(contactKind, contact);
  const primaryCompany = useContactCompanies(contact.id).data?.find((link) => link.isPrimary);
  const mayWrite = can(organization.role, 'records.write');
  const canEdit = mayWrite && contact.deletedAt === null;
  const ref = { type: 'contact' as const, id: contact.id };
  const name = contactName(contact);

  const text = (field: 'firstName' | 'lastName' | 'email' | 'jobTitle', label: string, type = 'text') => (
    <DetailRow label={label}>
      <InlineText label={label} type={type} value={contact[field] ?? ''} canEdit={canEdit} onEdit={editor.editField(field, fields[field])} />
    </DetailRow>
  );
  const list = (field: 'otherEmails' | 'phones', label: string) => (
    <DetailRow label={label}>
      <InlineText label={label} value={contact[field].join(', ')} canEdit={canEdit} onEdit={editor.editField(field, fields[field], listText)} />
    </DetailRow>
  );

  return (
    <RecordPageFrame
      kind={contactKind}
      record={contact}
      title={name}
      listPath="/contacts"
      listLabel="Contacts"
      canWrite={mayWrite}
      facts={
        <>
          {contact.jobTitle && <span>{contact.jobTitle}</span>}
          {primaryCompany && (
            <Link to={`/companies/${primaryCompany.companyId}`} className={textLinkClasses}>
              {primaryCompany.name}
            </Link>
          )}
          {contact.email && (
            <a href={`mailto:${contact.email}`} className={textLinkClasses}>
              {contact.email}
            </a>
          )}
          {contact.lifecycleStage && <Badge tone="primary">{enumLabel(contact.lifecycleStage)}</Badge>}
        </>
      }
      aside={
        <>
          <PanelSection title="Details">
            <DetailList>
              {text('firstName', 'First name')}
              {text('lastName', 'Last name')}
              {text('email', 'Email', 'email')}
              {list('otherEmails', 'Other emails')}
              {list('phones', 'Phones')}
              {text('jobTitle', 'Job title')}
              <EnumRow
                label="Lifecycle stage"
                value={contact.lifecycleStage}
                values={lifecycleStages}
                canEdit={canEdit}
                onSave={(stage) => editor.save({ lifecycleStage: stage as Contact['lifecycleStage'] })}
              />
              <EnumRow label="Source" value={contact.source} values={contactSources} canEdit={canEdit} onSave={(source) => editor.save({ source: source as Contact['source'] })} />
              <OwnershipRows record={contact} lookups={lookups} canEdit={canEdit} save={editor.save} />
            </DetailList>
          </PanelSection>
          <ContactCompaniesPanel contact={contact} canWrite={canEdit} />
          <RelatedDealsPanel filter={{ contactId: contact.id }} ownerName={name} />
          <TasksPanel record={ref} organizationId={organization.id} currentUserId={currentUserId} canWrite={canEdit} />
        </>
      }
    >
      <RecordActivity record={ref} collection={contactKind.collection} noun={contactKind.noun} organizationId={organization.id} canWrite={canEdit} />
      <ConflictDialog conflict={editor.conflict} noun={contactKind.noun} format={format} onKeepTheirs={editor.keepTheirs} onApplyMine={() => void editor.applyMine()} />
    </RecordPageFrame>
  );
}
