import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeckConverter, type DeckInput } from '../apps/api/src/slides/conversion/deck-converter';
import { officeFixture, sampleSlides } from '../apps/api/src/slides/testing/deck-fixtures';
import { options } from './lib/options';
import { median, report, round } from './lib/stats';

/**
 * `npm run bench -- slides [--pdfPages 50] [--pptxSlides 30] [--runs 3]`: conversion time of a
 * PDF and of a PPTX (cold: a new LibreOffice profile; warm: the kept profile), and how long until
 * the first page is stored and can be shown; medians of `runs`. The load average is printed
 * before and after, since other work on the machine slows every figure.
 */
const opts = options({ pdfPages: 50, pptxSlides: 30, runs: 3 });

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Converts once; total time and the time until page 1 could be shown, in ms. */
async function timed(converter: DeckConverter, input: DeckInput, outDir: string) {
  const started = performance.now();
  let firstPage = 0;
  const deck = await converter.convert(input, outDir, (p) => {
    if (p.pagesReady >= 1 && !firstPage) firstPage = performance.now() - started;
  });
  return { deck, ms: performance.now() - started, firstPageMs: firstPage };
}

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

    console.log(`load average before: ${load()}`);
    const pdfRuns: number[] = [];
    const pdfFirstRuns: number[] = [];
    const coldRuns: number[] = [];
    const warmRuns: number[] = [];
    const warmFirstRuns: number[] = [];
    for (let run = 0; run < opts.runs; run++) {
      const out = (name: string) => join(dir, `out-${name}-${run}`);
      const fromPdf = await timed(new DeckConverter(), { path: pdf, kind: 'pdf' }, out('pdf'));
      if (fromPdf.deck.pageCount !== opts.pdfPages)
        throw new Error(`PDF gave ${fromPdf.deck.pageCount} pages`);
      pdfRuns.push(fromPdf.ms);
      pdfFirstRuns.push(fromPdf.firstPageMs);

      // Cold: no kept profile, LibreOffice builds a new one. Warm: the same kept profile twice, the second timed.
      const pptxInput = { path: pptx, kind: 'pptx' } as const;
      const cold = await timed(new DeckConverter({ officeProfileTemplate: null }), pptxInput, out('cold'));
      coldRuns.push(cold.ms);
      const warm = new DeckConverter({ officeProfileTemplate: join(dir, `kept-profile-${run}`) });
      await warm.convert(pptxInput, out('prime'));
      const warmRun = await timed(warm, pptxInput, out('warm'));
      if (warmRun.deck.pageCount !== opts.pptxSlides)
        throw new Error(`PPTX gave ${warmRun.deck.pageCount} pages`);
      warmRuns.push(warmRun.ms);
      warmFirstRuns.push(warmRun.firstPageMs);
      console.log(
        `run ${run + 1}: PDF ${round(fromPdf.ms, 0)} ms (first page ${round(fromPdf.firstPageMs, 0)} ms), PPTX cold ${round(cold.ms, 0)} ms, warm ${round(warmRun.ms, 0)} ms (first page ${round(warmRun.firstPageMs, 0)} ms)`,
      );
    }
    const [pdfMs, firstMs, coldMs, warmMs, warmFirstMs] = [
      pdfRuns,
      pdfFirstRuns,
      coldRuns,
      warmRuns,
      warmFirstRuns,
    ].map(median) as [number, number, number, number, number];
    console.log(
      `median: PDF ${round(pdfMs, 0)} ms (${round(pdfMs / opts.pdfPages, 0)} ms/page; goal < 10000), first page ${round(firstMs, 0)} ms (goal < 2000); PPTX cold ${round(coldMs, 0)} ms, warm ${round(warmMs, 0)} ms (${round(warmMs / opts.pptxSlides, 0)} ms/slide; goal < 8000), first page ${round(warmFirstMs, 0)} ms`,
    );
    console.log(`load average after: ${load()}`);
    report({
      bench: 'slides',
      pdf_pages: opts.pdfPages,
      pdf_ms: round(pdfMs, 0),
      first_page_ms: round(firstMs, 0),
      pptx_slides: opts.pptxSlides,
      pptx_cold_ms: round(coldMs, 0),
      pptx_warm_ms: round(warmMs, 0),
      pptx_first_page_ms: round(warmFirstMs, 0),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
