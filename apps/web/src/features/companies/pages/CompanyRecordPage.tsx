import { can, companySizes, updateCompanyRequestSchema, type Company, type OrganizationMembership } from '@spanner/contracts';
import { ConflictDialog } from '../../../components/record-page/ConflictDialog';
import { useFieldFormatter } from '../../../components/record-page/field-values';
import { DetailList, DetailRow, EnumRow, InlineText, OwnershipRows } from '../../../components/record-page/InlineFields';
import { PanelSection } from '../../../components/record-page/PanelSection';
import { RecordActivity } from '../../../components/record-page/RecordActivity';
import { RecordPageFrame, RecordRoute } from '../../../components/record-page/RecordPageFrame';
import { CompanyContactsPanel, RelatedDealsPanel } from '../../../components/record-page/RelatedPanels';
import { TasksPanel } from '../../../components/record-page/TasksPanel';
import { useRecordSave } from '../../../components/record-page/use-record-save';
import { companyKind } from '../../../lib/record-kinds';
import { useRecordLookups } from '../../../lib/record-lookups';

interface CompanyRecordPageProps {
  organization: OrganizationMembership;
  currentUserId: string;
}

/** `/companies/:id`. */
export function CompanyRecordPage(props: CompanyRecordPageProps) {
  return (
    <RecordRoute kind={companyKind} listPath="/companies" listLabel="Companies">
      {(company) => <CompanyView company={company} {...props} />}
    </RecordRoute>
  );
}

const fields = updateCompanyRequestSchema.shape;
type TextField = 'name' | 'domain' | 'industry' | 'phone' | 'website' | 'street' | 'city' | 'region' | 'postalCode' | 'country';

function CompanyView({ company, organization, currentUserId }: CompanyRecordPageProps & { company: Company }) {
  const lookups = useRecordLookups(organization.id);
  const format = useFieldFormatter(organization.id);
  const editor = useRecordSave(companyKind, company);
  const mayWrite = can(organization.role, 'records.write');
  const canEdit = mayWrite && company.deletedAt === null;
  const ref = { type: 'company' as const, id: company.id };

  const text = (field: TextField, label: string, type = 'text') => (
    <DetailRow label={label}>
      <InlineText label={label} type={type} value={company[field] ?? ''} canEdit={canEdit} onEdit={editor.editField(field, fields[field])} />
    </DetailRow>
  );
  const place = [company.city, company.country].filter(Boolean).join(', ');

  return (
    <RecordPageFrame
      kind={companyKind}
      record={company}
      title={company.name}
      listPath="/companies"
      listLabel="Companies"
      canWrite={mayWrite}
      facts={
        <>
          {company.domain && <span>{company.domain}</span>}
          {company.industry && <span>{company.industry}</span>}
          {place && <span>{place}</span>}
          {company.ownerId && <span>Owner: {lookups.memberName(company.ownerId)}</span>}
        </>
      }
      aside={
        <>
          <PanelSection title="Details">
            <DetailList>
              {text('name', 'Name')}
              {text('domain', 'Domain')}
              {text('industry', 'Industry')}
              <EnumRow label="Size" value={company.size} values={companySizes} canEdit={canEdit} onSave={(size) => editor.save({ size: size as Company['size'] })} />
              <OwnershipRows record={company} lookups={lookups} canEdit={canEdit} save={editor.save} />
              {text('phone', 'Phone', 'tel')}
              {text('website', 'Website', 'url')}
              {text('street', 'Street')}
              {text('city', 'City')}
              {text('region', 'Region')}
              {text('postalCode', 'Postal code')}
              {text('country', 'Country')}
            </DetailList>
          </PanelSection>
          <CompanyContactsPanel company={company} canWrite={canEdit} />
          <RelatedDealsPanel filter={{ companyId: company.id }} ownerName={company.name} />
          <TasksPanel record={ref} organizationId={organization.id} currentUserId={currentUserId} canWrite={canEdit} />
        </>
      }
    >
      <RecordActivity record={ref} collection={companyKind.collection} noun={companyKind.noun} organizationId={organization.id} canWrite={canEdit} />
      <ConflictDialog conflict={editor.conflict} noun={companyKind.noun} format={format} onKeepTheirs={editor.keepTheirs} onApplyMine={() => void editor.applyMine()} />
    </RecordPageFrame>
  );
}
