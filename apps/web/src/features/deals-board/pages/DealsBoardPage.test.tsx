import type { Deal } from '@spanner/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatMoney } from '../../../lib/format';
import { FIRST_RENDER, stubRecordPage } from '../../../test/record-page-stubs';
import { deal, listPage, pipeline } from '../../../test/records';
import { deferred, jsonResponse, renderApp } from '../../../test/render';

const [qualified, proposal] = pipeline.stages as [(typeof pipeline.stages)[0], (typeof pipeline.stages)[0]];
const small = deal(1, { name: 'Small deal', amount: 1000, stageId: qualified.id });
const big = deal(2, { name: 'Big deal', amount: 5000, stageId: proposal.id });

/**
 * jsdom lays nothing out, and dnd-kit finds where a card can go from the page's geometry: the columns
 * stand side by side, 300 pixels apart, each card near the top of its own (the tests move cards of the
 * first column).
 */
function layOutBoard() {
  const rect = (left: number, top: number, width: number, height: number) => ({ x: left, y: top, left, top, width, height, right: left + width, bottom: top + height, toJSON: () => ({}) });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const column = this.closest('[role="group"] > section');
    // The copy of the card that follows the keys starts where the card was: in the first column.
    if (!column) return (this.closest('article') || this.querySelector('article') ? rect(10, 160, 260, 90) : rect(0, 0, 0, 0)) as DOMRect;
    const index = [...column.parentElement!.children].indexOf(column);
    if (this === column) return rect(index * 300, 100, 280, 600) as DOMRect;
    if (this.closest('li')) return rect(index * 300 + 10, 160, 260, 90) as DOMRect;
    return rect(index * 300, 100, 280, 40) as DOMRect;
  });
  Element.prototype.scrollIntoView = vi.fn();
}

/** The board over a server whose deals move only when the PATCH says so. */
function stubBoard(patch: (body: { stageId: string }) => Promise<Response>) {
  const deals: Deal[] = [small, big];
  const sent: { ifMatch: string | null; body: unknown }[] = [];
  stubRecordPage({
    [`GET /api/v1/pipelines/${pipeline.id}/summary`]: () =>
      jsonResponse({
        pipelineId: pipeline.id,
        stages: pipeline.stages.map((stage) => {
          const inStage = deals.filter((candidate) => candidate.stageId === stage.id);
          return { stageId: stage.id, count: inStage.length, totals: inStage.length ? [{ currency: 'EUR', amount: inStage.reduce((sum, candidate) => sum + candidate.amount!, 0) }] : [] };
        }),
      }),
    'GET /api/v1/deals': ({ url }) => listPage(deals.filter((candidate) => candidate.stageId === url.searchParams.get('stageId'))),
    [`PATCH /api/v1/deals/${small.id}`]: async ({ headers, body }) => {
      sent.push({ ifMatch: headers.get('if-match'), body });
      const answer = await patch(body as { stageId: string });
      if (answer.ok) deals[0] = { ...small, stageId: (body as { stageId: string }).stageId, version: 2 };
      return answer;
    },
  });
  return sent;
}

const column = (name: string) => screen.getByRole('region', { name });
const total = (name: string) => screen.getByLabelText(`Total in ${name}`);

/** Picks the small deal up with the keyboard, moves it one column right, drops it. */
async function moveSmallDealRight() {
  const handle = await screen.findByRole('button', { name: 'Move Small deal' });
  handle.focus();
  await userEvent.keyboard('[Space]');
  await userEvent.keyboard('[ArrowRight]');
  await userEvent.keyboard('[Space]');
}

describe('DealsBoardPage', () => {
  beforeEach(layOutBoard);

  it('moves a card at once, with the counts and totals, then keeps it where the server put it', async () => {
    const answer = deferred<Response>();
    const sent = stubBoard(() => answer.promise);
    renderApp('/deals/board');

    await within(await screen.findByRole('list', { name: 'Deals in Qualified' }, FIRST_RENDER)).findByText('Small deal');
    await waitFor(() => expect(total('Proposal')).toHaveTextContent(formatMoney(5000, 'EUR')));
    expect(screen.getByRole('figure', { name: 'Amount by stage (EUR)' })).toBeInTheDocument();

    await moveSmallDealRight();

    // Before the server answers: the card, the counts and the totals have moved.
    expect(within(column('Proposal')).getByText('Small deal')).toBeInTheDocument();
    expect(within(column('Qualified')).queryByText('Small deal')).not.toBeInTheDocument();
    expect(total('Proposal')).toHaveTextContent(formatMoney(6000, 'EUR'));
    expect(total('Qualified')).toHaveTextContent(formatMoney(0, 'EUR'));
    expect(within(column('Proposal')).getByLabelText('2 deals')).toBeInTheDocument();
    expect(sent).toEqual([{ ifMatch: '"1"', body: { stageId: proposal.id } }]);

    answer.resolve(jsonResponse({ ...small, stageId: proposal.id, version: 2 }));
    expect(await screen.findByText('Small deal moved to Proposal.')).toBeInTheDocument();
    await waitFor(() => expect(within(column('Proposal')).getByText('Small deal')).toBeInTheDocument());
    expect(total('Proposal')).toHaveTextContent(formatMoney(6000, 'EUR'));
  });

  it('puts the card and the totals back, with a message, when the move fails', async () => {
    const answer = deferred<Response>();
    stubBoard(() => answer.promise);
    renderApp('/deals/board');
    await within(await screen.findByRole('list', { name: 'Deals in Qualified' }, FIRST_RENDER)).findByText('Small deal');
    await waitFor(() => expect(total('Proposal')).toHaveTextContent(formatMoney(5000, 'EUR')));

    await moveSmallDealRight();
    expect(total('Proposal')).toHaveTextContent(formatMoney(6000, 'EUR'));

    answer.resolve(
      jsonResponse({ type: 'urn:spanner:problem:internal', title: 'Internal', status: 500, detail: 'The database is down.', requestId: 'r' }, { status: 500, headers: { 'content-type': 'application/problem+json' } }),
    );
    expect(await screen.findByText('Could not move Small deal: The database is down.')).toBeInTheDocument();
    await waitFor(() => expect(within(column('Qualified')).getByText('Small deal')).toBeInTheDocument());
    expect(within(column('Proposal')).queryByText('Small deal')).not.toBeInTheDocument();
    expect(total('Proposal')).toHaveTextContent(formatMoney(5000, 'EUR'));
    expect(total('Qualified')).toHaveTextContent(formatMoney(1000, 'EUR'));
  });
});
