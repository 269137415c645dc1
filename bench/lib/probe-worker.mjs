// A worker thread that watches a server from outside the benchmark's busy main thread: it asks
// /api/health in a loop (one request at a time, `healthEveryMs` apart) and records each answer's
// time, and scrapes /metrics every `metricsEveryMs` for the server's own event-loop lag (prom-client's
// nodejs_eventloop_lag_max_seconds: the longest delay since the previous scrape). Posts
// { health: [{ ms, status }], lagMaxMs: [], errors: [] } when told 'stop'.
import { parentPort, workerData } from 'node:worker_threads';

const { url, healthEveryMs = 50, metricsEveryMs = 250 } = workerData;
const health = [];
const lagMaxMs = [];
const errors = [];
let running = true;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function probeHealth() {
  while (running) {
    const t0 = performance.now();
    let status;
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      status = res.status;
    } catch (error) {
      status = -1;
      errors.push(`/api/health: ${error}`);
    }
    health.push({ ms: performance.now() - t0, status });
    await sleep(healthEveryMs);
  }
}

async function scrapeLag() {
  while (running) {
    try {
      const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(30_000) })).text();
      const line = /^nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? ([0-9.eE+-]+)$/m.exec(text);
      if (line) lagMaxMs.push(Number(line[1]) * 1000);
      else errors.push(`no lag in /metrics: ${text.slice(0, 200)}`);
    } catch (error) {
      // A scrape that fails is missing, not zero; the benchmark reports how many failed.
      errors.push(`/metrics: ${error}`);
    }
    await sleep(metricsEveryMs);
  }
}

// One scrape first, thrown away: it reports the lag since the server started (its setup's work).
await fetch(`${url}/metrics`).then(
  (r) => r.text(),
  () => '',
);
const done = Promise.all([probeHealth(), scrapeLag()]);
parentPort.on('message', async (message) => {
  if (message !== 'stop') return;
  running = false;
  await done;
  parentPort.postMessage({ health, lagMaxMs, errors });
});
parentPort.postMessage('ready');
