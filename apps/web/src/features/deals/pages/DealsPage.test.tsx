import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { startSession } from '../../../lib/auth-session';
import { engines, meAs, sessionAs, stubApi, type StubbedRequest } from '../../../test/api-stub';
import { contact, deal, listPage, pipeline } from '../../../test/records';
import { jsonResponse, renderApp } from '../../../test/render';

const grace = contact(1, { firstName: 'Grace', lastName: 'Hopper' });

describe('DealsPage', () => {
  let dealQueries: URLSearchParams[];
  let bulkBodies: unknown[];

  beforeEach(() => {
    startSession(sessionAs('member'));
    dealQueries = [];
    bulkBodies = [];
    stubApi({
      'GET /api/v1/me': jsonResponse(meAs('member')),
      [`GET /api/v1/organizations/${engines.id}/members`]: jsonResponse({ data: [] }),
      'GET /api/v1/tags': listPage([]),
      'GET /api/v1/pipelines': jsonResponse({ data: [pipeline] }),
      'GET /api/v1/deals': ({ url }: StubbedRequest) => {
        dealQueries.push(url.searchParams);
        return listPage([deal(1, { stageId: pipeline.stages[1]!.id }), deal(2)]);
      },
      'GET /api/v1/contacts': listPage([grace]),
      [`GET /api/v1/contacts/${grace.id}`]: jsonResponse(grace),
      'POST /api/v1/deals/bulk': ({ body }: StubbedRequest) => {
        bulkBodies.push(body);
        return jsonResponse({ results: [] });
      },
    });
  });

  it('names each deal’s stage and moves the selected deals to another stage in one call', async () => {
    renderApp('/deals');

    const row = await screen.findByRole('row', { name: /Deal 1/ });
    await waitFor(() => expect(within(row).getByText('Proposal')).toBeInTheDocument());
    await userEvent.click(within(row).getByRole('checkbox', { name: 'Select Deal 1' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Deal 2' }));
    await userEvent.click(within(screen.getByRole('toolbar', { name: 'Bulk actions' })).getByRole('button', { name: 'Move to stage' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Won' }));

    expect(await screen.findByText('2 deals moved to Won.')).toBeInTheDocument();
    expect(bulkBodies).toEqual([{ action: 'moveStage', ids: [deal(1).id, deal(2).id], stageId: pipeline.stages[2]!.id }]);
  });

  it('leads from the list to the deals board', async () => {
    const router = renderApp('/deals');

    await userEvent.click(await screen.findByRole('link', { name: 'Board' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/board'));
  });

  it('filters by a contact found by searching, and names them in the filter', async () => {
    const router = renderApp('/deals');

    await userEvent.click(await screen.findByRole('button', { name: 'Add filter' }));
    const form = screen.getByRole('form', { name: 'Add a filter' });
    await userEvent.selectOptions(within(form).getByLabelText('Field'), 'Contact');
    await userEvent.click(within(form).getByRole('combobox', { name: 'Contact' }));
    await userEvent.click(await screen.findByRole('option', { name: /Grace Hopper/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Apply filter' }));

    expect(router.state.location.search).toBe(`?contactId=${grace.id}`);
    expect(await screen.findByRole('button', { name: 'Edit filter: Contact is Grace Hopper' })).toBeInTheDocument();
    await waitFor(() => expect(dealQueries.at(-1)!.get('contactId')).toBe(grace.id));
  });
});
