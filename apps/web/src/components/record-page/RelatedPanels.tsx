import { createContactRequestSchema, type Company, type Contact, type ContactCompanyLink, type Deal, type DealContactLink } from '@spanner/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link2, UserPlus } from 'lucide-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { describeError } from '../../lib/api-client';
import { formatMoney } from '../../lib/format';
import { usePipelines } from '../../lib/pipeline-queries';
import { useCreateRecord, useRecordList } from '../../lib/record-api';
import { companyKind, contactKind, dealKind } from '../../lib/record-kinds';
import { enumLabel } from '../../lib/record-lookups';
import { contactName } from '../../lib/record-refs';
import {
  useCompanyContacts,
  useContactCompanies,
  useDealContacts,
  useLinkCompany,
  useLinkContact,
  useLinkDealContact,
  useUnlinkCompany,
  useUnlinkContact,
  useUnlinkDealContact,
} from '../../lib/record-relations';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { FormAlert } from '../ui/FormAlert';
import { Input } from '../ui/Input';
import { ErrorState, LoadingState } from '../ui/QueryState';
import { LinkedRecordList, LinkForm, type LinkedItem } from './LinkedRecords';
import { PanelSection } from './PanelSection';

interface LinksPanelProps<Row> {
  title: string;
  listLabel: string;
  /** The links query; each row becomes a list item. */
  links: Pick<UseQueryResult<Row[]>, 'data' | 'isPending' | 'isError' | 'error' | 'refetch'>;
  toItem: (row: Row) => LinkedItem;
  canWrite: boolean;
  /** "No contacts linked yet." */
  emptyText: string;
  /** The header's buttons (link, create). */
  actions: ReactNode;
  /** The open form, if any; it leaves out what is linked already. */
  form: ((linkedIds: ReadonlySet<string>) => ReactNode) | null;
  unlink: { mutate: (id: string, options: { onSuccess: () => void; onError: (error: Error) => void }) => void; isPending: boolean; variables?: string | undefined };
}

/** A list of linked records with its states, its link form and its unlink buttons. */
function LinksPanel<Row>({ title, listLabel, links, toItem, canWrite, emptyText, actions, form, unlink }: LinksPanelProps<Row>) {
  const items = useMemo(() => (links.data ?? []).map(toItem), [links.data, toItem]);
  const linkedIds = useMemo(() => new Set(items.map((item) => item.id)), [items]);
  return (
    <PanelSection title={title} actions={canWrite ? actions : undefined}>
      {form?.(linkedIds)}
      {links.isPending ? (
        <LoadingState label={`Loading ${title.toLowerCase()}…`} />
      ) : links.isError ? (
        <ErrorState title={`Could not load the ${title.toLowerCase()}.`} detail={describeError(links.error)} onRetry={() => void links.refetch()} />
      ) : items.length === 0 ? (
        form === null && <p className="text-sm text-muted-foreground">{emptyText}</p>
      ) : (
        <LinkedRecordList
          label={listLabel}
          items={items}
          canWrite={canWrite}
          unlinkingId={unlink.isPending ? unlink.variables : null}
          onUnlink={(item) =>
            unlink.mutate(item.id, {
              onSuccess: () => toast.success(`${item.name} is unlinked.`),
              onError: (error) => toast.error(describeError(error)),
            })
          }
        />
      )}
    </PanelSection>
  );
}

/** After a link: close the form and say so; a refusal (already linked, gone) is told in a toast. */
const linkCallbacks = (message: string, close: () => void) => ({
  onSuccess: () => {
    close();
    toast.success(message);
  },
  onError: (error: Error) => toast.error(describeError(error)),
});

function LinkButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="ghost" size="sm" icon={<Link2 />} onClick={onClick}>
      {label}
    </Button>
  );
}

const contactDetail = (contact: Contact) => contact.email ?? contact.jobTitle;

/** How the contact picker of a company or a deal finds and names contacts. */
const contactPicker = { kind: contactKind, pickerLabel: 'Contact to link', optionLabel: contactName, optionDetail: contactDetail, sort: 'lastName' };

const linkedContact = (row: ContactCompanyLink | DealContactLink): LinkedItem => ({
  id: row.contactId,
  to: `/contacts/${row.contactId}`,
  name: row.name || row.email || 'Unnamed contact',
  detail: row.email,
  role: row.role,
  primary: 'isPrimary' in row && row.isPrimary,
});

const linkedCompany = (row: ContactCompanyLink): LinkedItem => ({ id: row.companyId, to: `/companies/${row.companyId}`, name: row.name, role: row.role, primary: row.isPrimary });

/** A company's people: link an existing contact with a role, create one and link it, unlink. */
export function CompanyContactsPanel({ company, canWrite }: { company: Company; canWrite: boolean }) {
  const links = useCompanyContacts(company.id);
  const link = useLinkContact(company.id);
  const unlink = useUnlinkContact(company.id);
  const [mode, setMode] = useState<'link' | 'create' | null>(null);

  return (
    <LinksPanel
      title="Contacts"
      listLabel={`Contacts of ${company.name}`}
      links={links}
      toItem={linkedContact}
      canWrite={canWrite}
      emptyText="No contacts linked yet."
      unlink={unlink}
      actions={
        mode === null && (
          <>
            <LinkButton label="Link contact" onClick={() => setMode('link')} />
            <Button variant="ghost" size="sm" icon={<UserPlus />} onClick={() => setMode('create')}>
              New contact
            </Button>
          </>
        )
      }
      form={
        mode === 'link'
          ? (linkedIds) => (
              <LinkForm
                {...contactPicker}
                excludeIds={linkedIds}
                primaryLabel={`${company.name} is their primary company`}
                pending={link.isPending}
                onCancel={() => setMode(null)}
                onLink={({ item, role, isPrimary }) =>
                  link.mutate(
                    { contactId: item.id, role: role || null, isPrimary },
                    linkCallbacks(`${contactName(item)} is linked to ${company.name}.`, () => setMode(null)),
                  )
                }
              />
            )
          : mode === 'create'
            ? () => <CreateAndLinkContact company={company} onDone={() => setMode(null)} />
            : null
      }
    />
  );
}

/** A new contact, made and linked to the company in one go. */
function CreateAndLinkContact({ company, onDone }: { company: Company; onDone: () => void }) {
  const create = useCreateRecord(contactKind);
  const link = useLinkContact(company.id);
  const [values, setValues] = useState({ firstName: '', lastName: '', email: '', role: '' });
  const [error, setError] = useState<string | undefined>();
  const pending = create.isPending || link.isPending;
  const field = (name: keyof typeof values, label: string, type = 'text') => (
    <Input aria-label={label} placeholder={label} type={type} autoComplete="off" value={values[name]} onChange={(event) => setValues({ ...values, [name]: event.target.value })} />
  );

  return (
    <form
      aria-label="New contact at this company"
      className="flex flex-col gap-2 rounded-md border border-border p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const { role, ...contact } = values;
        const parsed = createContactRequestSchema.safeParse(contact);
        if (!parsed.success) return setError(parsed.error.issues[0]?.message);
        setError(undefined);
        void create
          .mutateAsync(contact)
          .then((created) => link.mutateAsync({ contactId: created.id, role: role.trim() || null, isPrimary: true }).then(() => created))
          .then((created) => {
            toast.success(`${contactName(created)} is created and linked to ${company.name}.`);
            onDone();
          })
          .catch((failure: unknown) => setError(describeError(failure)));
      }}
    >
      <FormAlert message={error} />
      <div className="grid gap-2 sm:grid-cols-2">
        {field('firstName', 'First name')}
        {field('lastName', 'Last name')}
      </div>
      {field('email', 'Email', 'email')}
      {field('role', 'Role')}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" size="sm" loading={pending}>
          Create and link
        </Button>
      </div>
    </form>
  );
}

/** The companies a contact works with, the primary one marked. */
export function ContactCompaniesPanel({ contact, canWrite }: { contact: Contact; canWrite: boolean }) {
  const links = useContactCompanies(contact.id);
  const link = useLinkCompany(contact.id);
  const unlink = useUnlinkCompany(contact.id);
  const [linking, setLinking] = useState(false);

  return (
    <LinksPanel
      title="Companies"
      listLabel={`Companies of ${contactName(contact)}`}
      links={links}
      toItem={linkedCompany}
      canWrite={canWrite}
      emptyText="Not linked to a company yet."
      unlink={unlink}
      actions={!linking && <LinkButton label="Link company" onClick={() => setLinking(true)} />}
      form={
        linking
          ? (linkedIds) => (
              <LinkForm
                kind={companyKind}
                pickerLabel="Company to link"
                optionLabel={(company) => company.name}
                optionDetail={(company) => company.domain}
                excludeIds={linkedIds}
                sort="name"
                primaryLabel="Primary company"
                pending={link.isPending}
                onCancel={() => setLinking(false)}
                onLink={({ item, role, isPrimary }) =>
                  link.mutate(
                    { companyId: item.id, role: role || null, isPrimary },
                    linkCallbacks(`${contactName(contact)} is linked to ${item.name}.`, () => setLinking(false)),
                  )
                }
              />
            )
          : null
      }
    />
  );
}

/** The people involved in a deal, with their part in it. */
export function DealContactsPanel({ deal, canWrite }: { deal: Deal; canWrite: boolean }) {
  const links = useDealContacts(deal.id);
  const link = useLinkDealContact(deal.id);
  const unlink = useUnlinkDealContact(deal.id);
  const [linking, setLinking] = useState(false);

  return (
    <LinksPanel
      title="Contacts"
      listLabel={`Contacts of ${deal.name}`}
      links={links}
      toItem={linkedContact}
      canWrite={canWrite}
      emptyText="Nobody is linked to this deal yet."
      unlink={unlink}
      actions={!linking && <LinkButton label="Link contact" onClick={() => setLinking(true)} />}
      form={
        linking
          ? (linkedIds) => (
              <LinkForm
                {...contactPicker}
                excludeIds={linkedIds}
                pending={link.isPending}
                onCancel={() => setLinking(false)}
                onLink={({ item, role }) =>
                  link.mutate(
                    { contactId: item.id, role: role || null },
                    linkCallbacks(`${contactName(item)} is linked to ${deal.name}.`, () => setLinking(false)),
                  )
                }
              />
            )
          : null
      }
    />
  );
}

const statusTones = { open: 'neutral', won: 'success', lost: 'danger' } as const;

/** Deals of a company or a contact, most recently changed first, with stage and amount. */
export function RelatedDealsPanel({ filter, ownerName }: { filter: { companyId: string } | { contactId: string }; ownerName: string }) {
  const query = useMemo(() => new URLSearchParams({ ...filter, sort: '-updatedAt' }), [filter]);
  const deals = useRecordList(dealKind, query);
  const pipelines = usePipelines().data;
  const stageNames = useMemo(() => new Map((pipelines ?? []).flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage.name]))), [pipelines]);
  const rows = deals.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <PanelSection title="Deals">
      {deals.isPending ? (
        <LoadingState label="Loading deals…" />
      ) : deals.isError && rows.length === 0 ? (
        <ErrorState title="Could not load the deals." detail={describeError(deals.error)} onRetry={() => void deals.refetch()} />
      ) : rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No deals with {ownerName} yet.{' '}
          <Link to="/deals/board" className="font-medium text-foreground underline underline-offset-4">
            Open the deals board
          </Link>
        </p>
      ) : (
        <ul aria-label={`Deals of ${ownerName}`} className="divide-y divide-border">
          {rows.map((deal) => (
            <li key={deal.id} className="flex items-center justify-between gap-2 py-2 text-sm">
              <div className="flex min-w-0 flex-col">
                <Link to={`/deals/${deal.id}`} className="truncate rounded-sm font-medium hover:underline focus-visible:outline-2 focus-visible:outline-ring">
                  {deal.name}
                </Link>
                <span className="text-xs text-muted-foreground">{stageNames.get(deal.stageId) ?? 'Stage…'}</span>
              </div>
              <div className="flex shrink-0 items-center gap-2">
                {deal.status !== 'open' && <Badge tone={statusTones[deal.status]}>{enumLabel(deal.status)}</Badge>}
                <span className="tabular-nums">{deal.amount !== null ? formatMoney(deal.amount, deal.currency) : '—'}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deals.hasNextPage && (
        <Button variant="secondary" size="sm" className="self-start" loading={deals.isFetchingNextPage} onClick={() => void deals.fetchNextPage()}>
          More deals
        </Button>
      )}
    </PanelSection>
  );
}
