import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the CPU time of a measurement went, per process: read from Linux's /proc before and after,
 * so the benchmark can print "CPU ms per request" for the gateway, each subgraph, PostgreSQL and the
 * load generator. On a machine without /proc it measures nothing and says so.
 */

/** /proc reports times in clock ticks; USER_HZ is 100 on every Linux architecture Node runs on. */
const TICK_MS = 10;

interface ProcStat {
  ppid: number;
  cpuMs: number;
  /** Of its children that have exited and been waited for. */
  exitedChildrenMs: number;
}

/** utime + stime of one process, and its parent; null once it has gone. */
function procStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS, exitedChildrenMs: (Number(fields[13]) + Number(fields[14])) * TICK_MS };
}

/** A source of CPU time, read as a running total in ms. */
export interface CpuSource {
  name: string;
  totalMs(): number;
}

export const processCpu = (name: string, pid: number): CpuSource => ({ name, totalMs: () => procStat(pid)?.cpuMs ?? 0 });

/** This process (the load generator runs in it). */
export const ownCpu = (name: string): CpuSource => ({
  name,
  totalMs: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
});

/**
 * An embedded PostgreSQL server: the postmaster (named in its data folder's postmaster.pid), every
 * process it runs (one backend per connection, plus its workers), and those that have exited (their
 * time moves to the postmaster's count of waited-for children), so the total only grows.
 *
 * A backend that the postmaster reaps while its children are being read would be in neither count
 * (read before it moved, looked for after it was gone): a pooled connection closed after its idle
 * time took its whole life's CPU with it, and one measurement showed -6.5 ms per request. So the
 * children are read again until the postmaster's count of exited children is the same before and
 * after (an exited child not yet reaped still shows its own time).
 */
export function postgresCpu(name: string, dataDir: string): CpuSource {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = () => {
    let total = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (stat?.ppid === postmaster) total += stat.cpuMs;
    }
    return total;
  };
  return {
    name,
    totalMs: () => {
      for (let attempt = 0; ; attempt++) {
        const before = procStat(postmaster);
        const live = children();
        const after = procStat(postmaster);
        if (!before || !after) return 0;
        if (before.exitedChildrenMs === after.exitedChildrenMs || attempt >= 10) return after.cpuMs + after.exitedChildrenMs + live;
      }
    },
  };
}

/** Every core's busy time (all but idle and I/O wait), for the machine as a whole. */
export const machineCpu = (name: string): CpuSource => ({
  name,
  totalMs: () => {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal
    const busy = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + (ticks[i] ?? 0), 0);
    return busy * TICK_MS;
  },
});

export const cpuMeasurable = () => fs.existsSync('/proc/stat');

/** Reads every source before a measurement; `perRequest` gives each one's ms per request after it. */
export function startCpuMeter(sources: CpuSource[]) {
  const before = sources.map((s) => s.totalMs());
  return {
    perRequest(requests: number): { name: string; ms: number }[] {
      return sources.map((s, i) => ({ name: s.name, ms: (s.totalMs() - before[i]) / Math.max(1, requests) }));
    },
  };
}

export const formatCpu = (split: { name: string; ms: number }[]) => `CPU ms per request: ${split.map((s) => `${s.name} ${s.ms.toFixed(1)}`).join(' · ')}`;
