/**
 * Progress for long work: a redrawn bar on a terminal, plain lines (at most one per 10%) when the
 * output is a file or a pipe, so logs stay readable.
 */
export interface Progress {
  update(label: string, done: number, total: number, unit?: 'bytes' | 'items'): void;
  done(): void;
}

const fmt = (n: number, unit: 'bytes' | 'items') =>
  unit === 'bytes' ? (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${(n / 1024).toFixed(0)} kB`) : n.toLocaleString('en-US');

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, now: () => number = () => performance.now()): Progress {
  const tty = !!stream.isTTY;
  let lastLabel = '';
  let lastDecile = -1;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(label, done, total, unit = 'items') {
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      if (tty) {
        const t = now();
        if (t - lastDraw < 50 && label === lastLabel && done < total) return;
        lastDraw = t;
        const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 50));
        const filled = Math.round(ratio * width);
        stream.write(`\r${label.padEnd(10)} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(Math.round(ratio * 100)).padStart(3)}%  ${fmt(done, unit)} / ${fmt(total, unit)}\x1b[K`);
        drawn = true;
      } else {
        const decile = Math.floor(ratio * 10);
        if (label !== lastLabel) lastDecile = -1;
        if (decile > lastDecile) {
          stream.write(`${label}: ${Math.round(ratio * 100)}% (${fmt(done, unit)} of ${fmt(total, unit)})\n`);
          lastDecile = decile;
        }
      }
      lastLabel = label;
    },
    done() {
      if (tty && drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
