/** Shows how a download goes; `done()` ends the display. */
export interface DownloadProgress {
  /** Adds one fetched file of `bytes` bytes. */
  add(bytes: number): void;
  done(): void;
}

const MB = 1e6;

/** "45.2 MB in 312 files" */
function describe(bytes: number, files: number): string {
  return `${(bytes / MB).toFixed(1)} MB in ${files} file${files === 1 ? '' : 's'}`;
}

/**
 * A running byte count for a download whose total is not known in advance.
 * On a terminal it rewrites one line of stderr at most every 200 ms; when
 * output goes to a file or a log collector (no TTY), it logs a plain line
 * every 10 MB instead, so logs get a handful of lines, not thousands.
 */
export function createDownloadProgress(label: string, log: (message: string) => void, stream: NodeJS.WriteStream = process.stderr): DownloadProgress {
  let bytes = 0;
  let files = 0;
  const started = Date.now();
  if (stream.isTTY) {
    let drawn = 0;
    const draw = () => {
      drawn = Date.now();
      stream.write(`\r${label}: ${describe(bytes, files)} ...\x1b[K`);
    };
    return {
      add(size) {
        bytes += size;
        files += 1;
        if (Date.now() - drawn >= 200) draw();
      },
      done() {
        draw();
        stream.write(` done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      },
    };
  }
  let nextReport = 10 * MB;
  return {
    add(size) {
      bytes += size;
      files += 1;
      if (bytes >= nextReport) {
        log(`${label}: ${describe(bytes, files)} so far ...`);
        nextReport = (Math.floor(bytes / (10 * MB)) + 1) * 10 * MB;
      }
    },
    done() {
      log(`${label}: ${describe(bytes, files)} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    },
  };
}
