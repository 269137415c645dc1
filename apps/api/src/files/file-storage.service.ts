import { Inject, Injectable } from '@nestjs/common';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Files live under the storage directory by opaque key ("materials/<uuid>"); the database keeps
 * the original name and type. An S3-compatible store can replace this class behind the same methods.
 */
@Injectable()
export class FileStorage {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async save(prefix: string, data: Buffer): Promise<string> {
    const key = `${prefix}/${randomUUID()}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
    return key;
  }

  open(key: string): ReadStream {
    return createReadStream(this.pathOf(key));
  }

  pathOf(key: string): string {
    if (!/^[a-z0-9-]+(\/[a-z0-9-]+)+$/.test(key)) throw new Error(`bad storage key ${key}`);
    return join(this.config.filesDir, key);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true, recursive: true });
  }
}
