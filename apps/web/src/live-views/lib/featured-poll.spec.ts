import type { Poll } from '@hallbridge/contracts';
import { featuredPoll } from './featured-poll';

const poll = (id: string, status: Poll['status'], resultsVisible = false, closedAt: number | null = null) =>
  ({ id, status, resultsVisible, closedAt }) as Poll;

describe('featuredPoll', () => {
  it('shows the open poll first', () => {
    expect(featuredPoll([poll('a', 'closed', true, 5), poll('b', 'open')])?.id).toBe('b');
  });
  it('then the last closed poll with its results shown', () => {
    expect(
      featuredPoll([
        poll('a', 'closed', true, 5),
        poll('b', 'closed', true, 9),
        poll('c', 'closed', false, 12),
      ])?.id,
    ).toBe('b');
  });
  it('and nothing for drafts or hidden results', () => {
    expect(featuredPoll([poll('a', 'draft'), poll('b', 'closed')])).toBeNull();
  });
});
