import { companyFields, contactFields, dealFields, taskFields } from '@spanner/contracts';
import { useMemo, type ReactNode } from 'react';
import { formatDateTime, formatDay } from '../../lib/format';
import { usePipelines } from '../../lib/pipeline-queries';
import { enumLabel, useRecordLookups } from '../../lib/record-lookups';
import { CompanyName } from '../CompanyPicker';

const specLabels = (fields: Record<string, { label: string }>) => Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, spec.label]));

/** What each field of a company, contact or deal is called, by its API (camelCase) name. */
export const fieldLabels: Record<string, string> = {
  ...specLabels(taskFields),
  ...specLabels(dealFields),
  ...specLabels(contactFields),
  ...specLabels(companyFields),
  street: 'Street',
  region: 'Region',
  postalCode: 'Postal code',
  phone: 'Phone',
  website: 'Website',
  otherEmails: 'Other emails',
  phones: 'Phones',
  tagIds: 'Tags',
  expectedCloseDate: 'Expected close date',
  closedAt: 'Closed',
  deletedAt: 'Deleted',
};

/** `first_name` → `firstName`: the audit trail names database columns, the app names API fields. */
export const camelCase = (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

export const fieldLabel = (field: string) => fieldLabels[field] ?? enumLabel(field.replace(/([A-Z])/g, ' $1').toLowerCase());

const enumFields = new Set(['size', 'lifecycleStage', 'source', 'status', 'priority']);
const dayFields = new Set(['expectedCloseDate', 'dueDate']);

export function EmptyValue() {
  return <span className="text-muted-foreground italic">empty</span>;
}

export type FieldFormatter = (field: string, value: unknown) => ReactNode;

/**
 * Shows a field's value as people read it: names for members, tags, stages and companies, labels
 * for enums, dates in the reader's locale. For the conflict dialog and the timeline.
 */
export function useFieldFormatter(organizationId: string): FieldFormatter {
  const lookups = useRecordLookups(organizationId);
  const pipelines = usePipelines().data;
  return useMemo(() => {
    const stages = new Map((pipelines ?? []).flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage.name])));
    const pipelineNames = new Map((pipelines ?? []).map((pipeline) => [pipeline.id, pipeline.name]));
    const formatter: FieldFormatter = (field, value) => {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <EmptyValue />;
      if (field === 'ownerId' || field === 'assigneeId' || field === 'authorId' || field === 'updatedById') return lookups.memberName(String(value)) ?? 'Someone';
      if (field === 'tagIds') return (value as string[]).map((id) => lookups.tagsById.get(id)?.name ?? 'Deleted tag').join(', ');
      if (field === 'stageId') return stages.get(String(value)) ?? 'Unknown stage';
      if (field === 'pipelineId') return pipelineNames.get(String(value)) ?? 'Unknown pipeline';
      if (field === 'companyId') return <CompanyName id={String(value)} />;
      if (enumFields.has(field)) return enumLabel(String(value));
      if (dayFields.has(field)) return formatDay(String(value));
      if (field.endsWith('At')) return formatDateTime(String(value));
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      if (Array.isArray(value)) return value.join(', ');
      return String(value);
    };
    return formatter;
  }, [lookups, pipelines]);
}

/** Typed text as the API takes it: blank is null, otherwise a number. */
export const numberOrNullText = (text: string) => (text === '' ? null : Number(text));

/** "a@x.com, b@y.com" → ['a@x.com', 'b@y.com']: several values typed in one field. */
export const listText = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** Blank clears the field (null); the API refuses '' for dates and ids. */
export const nullIfBlank = (text: string) => (text === '' ? null : text);
