import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officeFixture, sampleSlides } from '../../apps/api/src/slides/testing/deck-fixtures';
import type { BenchRoom } from './live-room';

/** A generated PDF of `pages` slides, uploaded to the bench session and converted; returns its id. */
export async function benchDeck(room: BenchRoom, pages: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hallbridge-bench-deck-'));
  try {
    const pdf = await officeFixture(dir, 'bai-giang', sampleSlides(pages), 'pdf', {
      profileDir: join(dir, 'profile'),
    });
    const uploaded = await room.organiser.upload(
      `/sessions/${room.sessionId}/decks`,
      'bai-giang.pdf',
      readFileSync(pdf),
      'application/pdf',
    );
    if (uploaded.status !== 201)
      throw new Error(`deck upload: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
    for (let i = 0; i < 600; i++) {
      const deck = (await room.organiser.get(`/decks/${uploaded.body.id}`)).body;
      if (deck.status === 'ready') return deck.id;
      if (deck.status === 'failed') throw new Error(`deck conversion failed: ${JSON.stringify(deck.error)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('deck conversion did not finish in 2 minutes');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
