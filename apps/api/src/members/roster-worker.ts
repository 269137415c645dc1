import { parentPort, workerData } from 'node:worker_threads';
import { readRoster, type ReadLimits } from './roster-reader';

/** Worker thread entry: reads one roster file and posts what it found (see roster-file.ts). */
const { fileName, data, limits } = workerData as { fileName: string; data: Uint8Array; limits: ReadLimits };
parentPort!.postMessage(readRoster(fileName, data, limits));
