import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FIRST_RENDER, staleResponse, stubRecordPage } from '../../../test/record-page-stubs';
import { contact, listPage } from '../../../test/records';
import { jsonResponse, renderApp } from '../../../test/render';
import type { StubbedRequest } from '../../../test/api-stub';

const grace = contact(1, { firstName: 'Grace', lastName: 'Hopper', jobTitle: 'Engineer', version: 3 });
const path = `/api/v1/contacts/${grace.id}`;

/** The contact page with `patches` answering each PATCH in turn; every PATCH is recorded. */
function renderContact(patches: ((request: StubbedRequest) => Response)[]) {
  const sent: { ifMatch: string | null; body: unknown }[] = [];
  stubRecordPage({
    [`GET ${path}`]: jsonResponse(grace),
    [`GET ${path}/companies`]: jsonResponse({ data: [] }),
    [`GET ${path}/timeline`]: listPage([]),
    [`PATCH ${path}`]: (request) => {
      sent.push({ ifMatch: request.headers.get('if-match'), body: request.body });
      const answer = patches[sent.length - 1];
      if (!answer) throw new Error('One PATCH too many');
      return answer(request);
    },
  });
  renderApp(`/contacts/${grace.id}`);
  return sent;
}

async function editJobTitle(value: string) {
  await userEvent.click(await screen.findByRole('button', { name: 'Edit Job title' }, FIRST_RENDER));
  const input = screen.getByRole('textbox', { name: 'Job title' });
  await userEvent.clear(input);
  await userEvent.type(input, `${value}{Enter}`);
}

describe('ContactRecordPage conflicts', () => {
  it('shows their value and mine after a 412, and applies mine on top of the current version', async () => {
    const theirs = { ...grace, jobTitle: 'Rear admiral', version: 4 };
    const sent = renderContact([() => staleResponse(theirs), ({ body }) => jsonResponse({ ...theirs, ...(body as object), version: 5 })]);

    await editJobTitle('Chief engineer');

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this contact' });
    const row = within(dialog).getByRole('row', { name: /Job title/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Rear admiral', 'Chief engineer']);
    expect(sent).toEqual([{ ifMatch: '"3"', body: { jobTitle: 'Chief engineer' } }]);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply mine' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent[1]).toEqual({ ifMatch: '"4"', body: { jobTitle: 'Chief engineer' } });
    expect(await screen.findByText('Your changes are saved.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Job title' })).toHaveTextContent('Chief engineer');
  });

  it('keeps theirs without sending anything more, and the page shows their value', async () => {
    const theirs = { ...grace, jobTitle: 'Rear admiral', version: 4 };
    const sent = renderContact([() => staleResponse(theirs)]);

    await editJobTitle('Chief engineer');
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this contact' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep theirs' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Edit Job title' })).toHaveTextContent('Rear admiral');
    expect(await screen.findByText('Kept the other version of this contact.')).toBeInTheDocument();
  });

  it('saves on top by itself when they changed other fields only: nothing of theirs is lost', async () => {
    const theirs = { ...grace, lastName: 'Murray Hopper', version: 4 };
    const sent = renderContact([() => staleResponse(theirs), ({ body }) => jsonResponse({ ...theirs, ...(body as object), version: 5 })]);

    await editJobTitle('Chief engineer');

    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ ifMatch: '"4"', body: { jobTitle: 'Chief engineer' } });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Grace Murray Hopper' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Job title' })).toHaveTextContent('Chief engineer');
  });

  it('asks again when the record changed once more before mine was applied', async () => {
    const theirs = { ...grace, jobTitle: 'Rear admiral', version: 4 };
    const newer = { ...grace, jobTitle: 'Commodore', version: 5 };
    const sent = renderContact([() => staleResponse(theirs), () => staleResponse(newer)]);

    await editJobTitle('Chief engineer');
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Apply mine' }));

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this contact' });
    await waitFor(() => expect(within(dialog).getByRole('row', { name: /Job title/ })).toHaveTextContent('Commodore'));
    expect(sent.map((request) => request.ifMatch)).toEqual(['"3"', '"4"']);
  });
});
