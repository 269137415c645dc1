import { DomainError } from '@hallbridge/domain';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findExecutable, runTool, ToolMissingError } from './run-tool';

/** Import filters, so a text file renamed .odp is not read as a Writer document. */
const importFilter = { pptx: 'Impress MS PowerPoint 2007 XML', odp: 'impress8' } as const;

export interface LibreOfficeOptions {
  /** `soffice` on PATH, or a full path. */
  command: string;
  /**
   * A profile folder kept warm between runs (under the data directory). Each run works on its own
   * copy, so parallel runs (several API processes) never share a profile and a killed run cannot
   * leave it locked; null makes every run start from an empty profile.
   */
  profileTemplate: string | null;
}

/** Converts presentations to PDF with LibreOffice headless. */
export class LibreOffice {
  constructor(private readonly options: LibreOfficeOptions) {}

  async available(): Promise<boolean> {
    return (await findExecutable(this.options.command)) !== null;
  }

  /** Writes `<workDir>/deck.pdf` from the presentation at `input`, and returns its path. */
  async toPdf(input: string, kind: 'pptx' | 'odp', workDir: string, signal?: AbortSignal): Promise<string> {
    await mkdir(workDir, { recursive: true });
    // soffice names its output after the input; a link with a plain name keeps odd upload names out of it.
    const source = join(workDir, `deck.${kind}`);
    await rm(source, { force: true });
    await symlink(input, source);
    const profile = join(workDir, 'profile');
    const template = this.options.profileTemplate;
    if (template && existsSync(join(template, 'user'))) await cp(template, profile, { recursive: true });

    const args = [
      '--headless',
      '--invisible',
      '--nologo',
      '--nodefault',
      '--norestore',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      `--infilter=${importFilter[kind]}`,
      '--convert-to',
      'pdf:impress_pdf_Export',
      '--outdir',
      workDir,
      source,
    ];
    let result;
    try {
      // HOME too: some LibreOffice components write there even with a private profile.
      result = await runTool(this.options.command, args, {
        signal,
        cwd: workDir,
        env: { ...process.env, HOME: workDir },
      });
    } catch (e) {
      if (e instanceof ToolMissingError) throw new DomainError('OFFICE_CONVERTER_MISSING');
      throw e;
    }
    const pdf = join(workDir, 'deck.pdf');
    // soffice exits 0 even when it could not load the file ("Error: source file could not be loaded").
    if (result.code !== 0 || !existsSync(pdf)) throw new DomainError('DECK_UNREADABLE');
    if (template && !existsSync(join(template, 'user'))) await this.keepWarm(profile, template);
    return pdf;
  }

  /** Keeps the first good profile as the template; a concurrent run may have done so already. */
  private async keepWarm(profile: string, template: string): Promise<void> {
    try {
      await mkdir(dirname(template), { recursive: true });
      await rename(profile, template);
    } catch {
      // another run won the race, or the data directory is on another device: the next run will try again
    }
  }
}
