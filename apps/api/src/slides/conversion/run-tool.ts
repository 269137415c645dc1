import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';

/** The executable is not installed (spawn said ENOENT). */
export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} is not installed`);
    this.name = 'ToolMissingError';
  }
}

export interface ToolResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export interface ToolOptions {
  signal?: AbortSignal;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a converter to completion. The child leads its own process group so that an abort (time
 * limit, deck deleted, shutdown) kills everything it started: `soffice` is a wrapper that forks
 * `soffice.bin`, and killing only the wrapper would leave the real work running.
 */
export function runTool(command: string, args: string[], options: ToolOptions = {}): Promise<ToolResult> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out: Buffer[] = [];
    let err = '';
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const onAbort = () => {
      killGroup();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 64 * 1024) err += d.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e.code === 'ENOENT' ? new ToolMissingError(command) : e);
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      // A tool that exits may leave helpers behind in its group; none of them is wanted any more.
      killGroup();
      resolve({ code, stdout: Buffer.concat(out), stderr: err });
    });
  });
}

/** Finds an executable by absolute path or on PATH, as spawn would. */
export async function findExecutable(command: string, path = process.env.PATH ?? ''): Promise<string | null> {
  const candidates =
    isAbsolute(command) || command.includes('/')
      ? [command]
      : path
          .split(delimiter)
          .filter(Boolean)
          .map((d) => join(d, command));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return null;
}
