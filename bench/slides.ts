import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeckConverter } from '../apps/api/src/slides/conversion/deck-converter';
import { officeFixture, sampleSlides } from '../apps/api/src/slides/testing/deck-fixtures';
import { options } from './lib/options';
import { median, report, round } from './lib/stats';

/**
 * `npm run bench -- slides [--pdfPages 50] [--pptxSlides 30] [--runs 3]`: conversion time of a
 * PDF and of a PPTX (cold: a new LibreOffice profile; warm: the kept profile), median of `runs`.
 */
const opts = options({ pdfPages: 50, pptxSlides: 30, runs: 3 });

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hallbridge-bench-slides-'));
  try {
    console.log(
      `slides: ${opts.pdfPages}-page PDF and ${opts.pptxSlides}-slide PPTX, ${opts.runs} runs each`,
    );
    const fixtureProfile = join(dir, 'fixture-profile');
    const pdf = await officeFixture(join(dir, 'in'), 'nghi-quyet', sampleSlides(opts.pdfPages), 'pdf', {
      profileDir: fixtureProfile,
    });
    const pptx = await officeFixture(
      join(dir, 'in'),
      'bai-giang',
      sampleSlides(opts.pptxSlides, { notes: true }),
      'pptx',
      { profileDir: fixtureProfile },
    );

    const pdfRuns: number[] = [];
    const coldRuns: number[] = [];
    const warmRuns: number[] = [];
    for (let run = 0; run < opts.runs; run++) {
      const out = (name: string) => join(dir, `out-${name}-${run}`);
      const t0 = performance.now();
      const converted = await new DeckConverter().convert({ path: pdf, kind: 'pdf' }, out('pdf'));
      pdfRuns.push(performance.now() - t0);
      if (converted.pageCount !== opts.pdfPages) throw new Error(`PDF gave ${converted.pageCount} pages`);

      // Cold: no kept profile, LibreOffice builds a new one. Warm: the same kept profile twice, the second timed.
      const t1 = performance.now();
      await new DeckConverter({ officeProfileTemplate: null }).convert(
        { path: pptx, kind: 'pptx' },
        out('cold'),
      );
      coldRuns.push(performance.now() - t1);
      const warm = new DeckConverter({ officeProfileTemplate: join(dir, `kept-profile-${run}`) });
      await warm.convert({ path: pptx, kind: 'pptx' }, out('prime'));
      const t2 = performance.now();
      const pptxDeck = await warm.convert({ path: pptx, kind: 'pptx' }, out('warm'));
      warmRuns.push(performance.now() - t2);
      if (pptxDeck.pageCount !== opts.pptxSlides) throw new Error(`PPTX gave ${pptxDeck.pageCount} pages`);
      console.log(
        `run ${run + 1}: PDF ${round(pdfRuns[run]!, 0)} ms, PPTX cold ${round(coldRuns[run]!, 0)} ms, warm ${round(warmRuns[run]!, 0)} ms`,
      );
    }
    const [pdfMs, coldMs, warmMs] = [median(pdfRuns), median(coldRuns), median(warmRuns)];
    console.log(
      `median: PDF ${round(pdfMs, 0)} ms (${round(pdfMs / opts.pdfPages, 0)} ms/page), PPTX cold ${round(coldMs, 0)} ms, warm ${round(warmMs, 0)} ms (${round(warmMs / opts.pptxSlides, 0)} ms/slide)`,
    );
    report({
      bench: 'slides',
      pdf_pages: opts.pdfPages,
      pdf_ms: round(pdfMs, 0),
      pptx_slides: opts.pptxSlides,
      pptx_cold_ms: round(coldMs, 0),
      pptx_warm_ms: round(warmMs, 0),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
