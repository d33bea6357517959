import type { TimelineItem } from '@spanner/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ada } from '../../../test/api-stub';
import { FIRST_RENDER, stubRecordPage } from '../../../test/record-page-stubs';
import { company, listPage, vipTag } from '../../../test/records';
import { jsonResponse, renderApp } from '../../../test/render';

const acme = company(1, { name: 'Acme', industry: 'Robots' });
const path = `/api/v1/companies/${acme.id}`;
const actor = { type: 'user' as const, id: ada.id, name: ada.name };
const at = new Date(Date.now() - 5 * 60_000).toISOString();

const change = (id: string, changes: Record<string, { old: unknown; new: unknown }>, action: 'insert' | 'update' = 'update'): TimelineItem => ({
  id,
  type: 'change',
  at,
  actor,
  change: { action, changes },
  note: null,
  task: null,
  stageMove: null,
});

function renderCompany(record = acme, timeline: TimelineItem[] = [], extra = {}) {
  stubRecordPage({
    [`GET ${path}`]: jsonResponse(record),
    [`GET ${path}/contacts`]: jsonResponse({ data: [] }),
    [`GET ${path}/timeline`]: listPage(timeline),
    ...extra,
  });
  renderApp(`/companies/${record.id}`);
}

describe('CompanyRecordPage', () => {
  it('tells the history in words: who changed which field from what to what, and when', async () => {
    renderCompany(acme, [
      change('change:2', { industry: { old: 'Manufacturing', new: 'Robots' }, tag_ids: { old: [], new: [vipTag.id] }, search: { old: 'x', new: 'y' } }),
      change('change:1', { name: { old: null, new: 'Acme' }, org_id: { old: null, new: 'o' } }, 'insert'),
    ]);

    const timeline = await screen.findByRole('list', { name: 'Timeline' }, FIRST_RENDER);
    const [latest, first] = within(timeline)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === timeline);
    expect(latest).toHaveTextContent('Ada Lovelace changed 2 fields');
    expect(latest).toHaveTextContent('Industry: Manufacturing → changed to Robots');
    expect(latest).toHaveTextContent('Tags: empty → changed to VIP');
    expect(latest).toHaveTextContent('5 minutes ago');
    expect(latest).not.toHaveTextContent('Search');
    expect(first).toHaveTextContent('Ada Lovelace created this company');
  });

  it('says who last edited a note, and nothing for a note as written', async () => {
    const note = (id: string, updatedById: string | null): TimelineItem => ({
      id: `note:${id}`,
      type: 'note',
      at,
      actor,
      change: null,
      note: { id, version: 1, createdAt: at, updatedAt: at, deletedAt: null, body: 'Met', bodyHtml: '<p>Met</p>', authorId: ada.id, updatedById, record: { type: 'company', id: acme.id } },
      task: null,
      stageMove: null,
    });
    renderCompany(acme, [note('n2', ada.id), note('n1', null)]);

    const timeline = await screen.findByRole('list', { name: 'Timeline' }, FIRST_RENDER);
    const [edited, asWritten] = within(timeline)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === timeline);
    expect(edited).toHaveTextContent('Ada Lovelace added a note · edited by Ada Lovelace');
    expect(asWritten).toHaveTextContent('Ada Lovelace added a note');
    expect(asWritten).not.toHaveTextContent('edited');
  });

  it('previews a note as the server will render it, without raw HTML or script links, and adds it', async () => {
    const notes: unknown[] = [];
    renderCompany(acme, [], {
      'POST /api/v1/notes': ({ body }: { body: unknown }) => {
        notes.push(body);
        return jsonResponse({ id: 'n1', version: 1, createdAt: at, updatedAt: at, deletedAt: null, body: '', bodyHtml: '', authorId: ada.id, updatedById: null, record: { type: 'company', id: acme.id } }, { status: 201 });
      },
    });
    const composer = await screen.findByRole('form', { name: 'Add a note' }, FIRST_RENDER);
    const text = '**Called** <script>alert(1)</script> [bad](javascript:alert(1)) https://example.com';
    await userEvent.type(within(composer).getByRole('textbox', { name: 'Note' }), text.replace(/[[{]/g, (bracket) => bracket + bracket));

    await userEvent.click(within(composer).getByRole('tab', { name: 'Preview' }));
    const preview = within(composer).getByRole('tabpanel', { name: 'Preview' });
    expect(within(preview).getByText('Called').tagName).toBe('STRONG');
    expect(preview.querySelector('script')).toBeNull();
    expect(preview).toHaveTextContent('<script>alert(1)</script>');
    expect(within(preview).queryByRole('link', { name: 'bad' })).not.toBeInTheDocument();
    expect(within(preview).getByRole('link', { name: 'https://example.com' })).toHaveAttribute('rel', 'noopener noreferrer nofollow');

    await userEvent.click(within(composer).getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText('Note added.')).toBeInTheDocument();
    expect(notes).toEqual([{ body: text, record: { type: 'company', id: acme.id } }]);
  });

  it('shows a trashed company with a banner to restore it, and no editing until then', async () => {
    const restored: string[] = [];
    const trashed = { ...acme, deletedAt: '2026-01-02T10:00:00.000Z' };
    renderCompany(trashed, [], {
      [`POST ${path}/restore`]: () => {
        restored.push(acme.id);
        return jsonResponse({ ...acme, version: 2 });
      },
    });

    const banner = await screen.findByRole('region', { name: 'In the trash' }, FIRST_RENDER);
    expect(screen.queryByRole('button', { name: 'Edit Industry' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    await userEvent.click(within(banner).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('Acme is restored.')).toBeInTheDocument();
    expect(restored).toEqual([acme.id]);
    expect(await screen.findByRole('button', { name: 'Edit Industry' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'In the trash' })).not.toBeInTheDocument();
  });

  it('moves the company to the trash after asking, with an undo that restores it', async () => {
    const calls: string[] = [];
    renderCompany(acme, [], {
      [`DELETE ${path}`]: ({ headers }: { headers: Headers }) => {
        calls.push(`delete ${headers.get('if-match')}`);
        return new Response(null, { status: 204 });
      },
      [`POST ${path}/restore`]: () => {
        calls.push('restore');
        return jsonResponse({ ...acme, version: 3 });
      },
      'GET /api/v1/companies': listPage([]),
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }, FIRST_RENDER));
    const confirm = screen.getByRole('dialog', { name: 'Delete Acme?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Move to trash' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Companies' }, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByText('Acme is in the trash.')).toBeInTheDocument();
    // A plain click: the toast's swipe handling asks for pointer capture, which jsdom does not have.
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Acme is restored.')).toBeInTheDocument();
    expect(calls).toEqual(['delete "1"', 'restore']);
  });

  it('says so when the company does not exist', async () => {
    stubRecordPage({ [`GET ${path}`]: jsonResponse({ type: 'x', title: 'Not Found', status: 404, detail: 'No such company.', requestId: 'r' }, { status: 404, headers: { 'content-type': 'application/problem+json' } }) });
    renderApp(`/companies/${acme.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'No such company' }, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to companies' })).toHaveAttribute('href', '/companies');
  });
});
