import { can, updateDealRequestSchema, type Deal, type OrganizationMembership } from '@spanner/contracts';
import { Link } from 'react-router';
import { CompanyName } from '../../../components/CompanyPicker';
import { ConflictDialog } from '../../../components/record-page/ConflictDialog';
import { nullIfBlank, numberOrNullText, useFieldFormatter } from '../../../components/record-page/field-values';
import { InlineCompany } from '../../../components/record-page/InlineCompany';
import { DetailList, DetailRow, InlineSelect, InlineText, OwnershipRows } from '../../../components/record-page/InlineFields';
import { PanelSection } from '../../../components/record-page/PanelSection';
import { RecordActivity } from '../../../components/record-page/RecordActivity';
import { RecordPageFrame, RecordRoute } from '../../../components/record-page/RecordPageFrame';
import { DealContactsPanel } from '../../../components/record-page/RelatedPanels';
import { TasksPanel } from '../../../components/record-page/TasksPanel';
import { useRecordSave } from '../../../components/record-page/use-record-save';
import { Badge } from '../../../components/ui/Badge';
import { textLinkClasses } from '../../../components/ui/text-link';
import { formatDay, formatMoney } from '../../../lib/format';
import { dealKind } from '../../../lib/record-kinds';
import { enumLabel, useRecordLookups } from '../../../lib/record-lookups';
import { usePipelines } from '../api';

interface DealRecordPageProps {
  organization: OrganizationMembership;
  currentUserId: string;
}

/** `/deals/:id`. */
export function DealRecordPage(props: DealRecordPageProps) {
  return (
    <RecordRoute kind={dealKind} listPath="/deals" listLabel="Deals">
      {(deal) => <DealView deal={deal} {...props} />}
    </RecordRoute>
  );
}

const fields = updateDealRequestSchema.shape;
const statusTones = { open: 'neutral', won: 'success', lost: 'danger' } as const;

function DealView({ deal, organization, currentUserId }: DealRecordPageProps & { deal: Deal }) {
  const lookups = useRecordLookups(organization.id);
  const format = useFieldFormatter(organization.id);
  const editor = useRecordSave(dealKind, deal);
  const pipeline = usePipelines().data?.find((candidate) => candidate.id === deal.pipelineId);
  const stage = pipeline?.stages.find((candidate) => candidate.id === deal.stageId);
  const mayWrite = can(organization.role, 'records.write');
  const canEdit = mayWrite && deal.deletedAt === null;
  const ref = { type: 'deal' as const, id: deal.id };
  const amount = deal.amount !== null ? formatMoney(deal.amount, deal.currency) : null;

  return (
    <RecordPageFrame
      kind={dealKind}
      record={deal}
      title={deal.name}
      listPath="/deals"
      listLabel="Deals"
      canWrite={mayWrite}
      facts={
        <>
          {amount && <span className="font-medium text-foreground tabular-nums">{amount}</span>}
          {stage && (
            <span>
              {pipeline!.name} · {stage.name}
            </span>
          )}
          <Badge tone={statusTones[deal.status]}>{enumLabel(deal.status)}</Badge>
          {deal.expectedCloseDate && <span>Closes {formatDay(deal.expectedCloseDate)}</span>}
          {deal.companyId && (
            <Link to={`/companies/${deal.companyId}`} className={textLinkClasses}>
              <CompanyName id={deal.companyId} />
            </Link>
          )}
        </>
      }
      aside={
        <>
          <PanelSection title="Details">
            <DetailList>
              <DetailRow label="Name">
                <InlineText label="Name" value={deal.name} canEdit={canEdit} onEdit={editor.editField('name', fields.name)} />
              </DetailRow>
              <DetailRow label="Amount">
                <InlineText
                  label="Amount"
                  type="number"
                  step="0.01"
                  value={deal.amount === null ? '' : String(deal.amount)}
                  display={amount}
                  canEdit={canEdit}
                  onEdit={editor.editField('amount', fields.amount, numberOrNullText)}
                />
              </DetailRow>
              <DetailRow label="Currency">
                <InlineText label="Currency" value={deal.currency} canEdit={canEdit} onEdit={editor.editField('currency', fields.currency)} />
              </DetailRow>
              <DetailRow label="Stage">
                <InlineSelect
                  label="Stage"
                  value={deal.stageId}
                  options={(pipeline?.stages ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
                  canEdit={canEdit && pipeline !== undefined}
                  onSave={(stageId) => editor.save({ stageId })}
                />
              </DetailRow>
              <DetailRow label="Expected close">
                <InlineText
                  label="Expected close date"
                  type="date"
                  value={deal.expectedCloseDate ?? ''}
                  display={deal.expectedCloseDate && formatDay(deal.expectedCloseDate)}
                  canEdit={canEdit}
                  onEdit={editor.editField('expectedCloseDate', fields.expectedCloseDate, nullIfBlank)}
                />
              </DetailRow>
              <DetailRow label="Company">
                <InlineCompany companyId={deal.companyId} canEdit={canEdit} onSave={(companyId) => editor.save({ companyId })} />
              </DetailRow>
              <OwnershipRows record={deal} lookups={lookups} canEdit={canEdit} save={editor.save} />
            </DetailList>
          </PanelSection>
          <DealContactsPanel deal={deal} canWrite={canEdit} />
          <TasksPanel record={ref} organizationId={organization.id} currentUserId={currentUserId} canWrite={canEdit} />
        </>
      }
    >
      <RecordActivity record={ref} collection={dealKind.collection} noun={dealKind.noun} organizationId={organization.id} canWrite={canEdit} />
      <ConflictDialog conflict={editor.conflict} noun={dealKind.noun} format={format} onKeepTheirs={editor.keepTheirs} onApplyMine={() => void editor.applyMine()} />
    </RecordPageFrame>
  );
}
