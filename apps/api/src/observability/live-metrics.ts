import { Injectable } from '@nestjs/common';
import { type LiveAck, LiveCommands } from '@hallbridge/contracts';
import { Histogram } from 'prom-client';
import { ClusterBus } from '../cluster/cluster-bus';
import { LiveFactEvents } from '../live/live-fact-events';
import type { FactsMessage } from '../live/room-cache';
import { Metrics } from './metrics.service';

const SECONDS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * What the live rooms report to /metrics: the one seam between the realtime core and monitoring.
 * Command latencies are measured at the socket edge (see LiveSockets), fan-out from the facts
 * committed here and those heard from other instances; the rooms may call either method directly.
 */
@Injectable()
export class LiveMetrics {
  private readonly commands: Histogram<'command' | 'outcome'>;
  private readonly fanOut: Histogram<'path'>;

  constructor(metrics: Metrics, facts: LiveFactEvents, bus: ClusterBus) {
    this.commands = new Histogram({
      name: 'hallbridge_live_command_duration_seconds',
      help: 'Time from a live command reaching this instance to its acknowledgement, by command and outcome (ok or the error code)',
      labelNames: ['command', 'outcome'],
      buckets: SECONDS,
      registers: [metrics.registry],
    });
    this.fanOut = new Histogram({
      name: 'hallbridge_live_fanout_duration_seconds',
      help: "Time from a live change being decided to its events going out to this instance's clients: path local (decided here, after the database commit) or redis (decided on another instance)",
      labelNames: ['path'],
      buckets: SECONDS,
      registers: [metrics.registry],
    });
    // Committed facts were just broadcast here: the local path. Another instance's arrive on the bus
    // together with its broadcasts (one Redis connection): the redis path.
    facts.on('committed', ({ facts }) => facts[0] && this.fannedOut(facts[0].at, 'local'));
    bus
      .channel<FactsMessage>('live.facts')
      .subscribe(({ facts }) => facts[0] && this.fannedOut(facts[0].at, 'redis'));
  }

  /** A live command was answered `seconds` after it arrived. */
  commandAnswered(command: string, seconds: number, ack: LiveAck | undefined): void {
    const name = Object.hasOwn(LiveCommands, command) ? command : 'unknown';
    const outcome = ack?.ok ? 'ok' : (ack?.code ?? 'error');
    this.commands.observe({ command: name, outcome }, seconds);
  }

  /** Facts decided at `decidedAt` (epoch ms) are going out to this instance's clients now. */
  fannedOut(decidedAt: number, path: 'local' | 'redis'): void {
    this.fanOut.observe({ path }, Math.max(0, Date.now() - decidedAt) / 1000);
  }
}
