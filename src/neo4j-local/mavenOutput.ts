/**
 * Reading `mvn -B` output as it streams. Maven announces every artifact it
 * fetches as `Downloaded from central: <url> (1.2 MB at 3.4 MB/s)`, with
 * sizes in powers of 1000 (its FileSizeFormat): enough for a running byte
 * count without knowing the total up front.
 */
const DOWNLOADED = /^\s*(?:\[INFO\]\s*)?Downloaded from [^:]+: \S+ \((\d+(?:\.\d+)?) (B|kB|MB|GB)\b/;
const UNIT_BYTES: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };

/** The size of the artifact a `Downloaded from` line reports, in bytes; undefined for any other line. */
export function downloadedBytes(line: string): number | undefined {
  const match = DOWNLOADED.exec(line);
  return match ? Math.round(Number(match[1]) * UNIT_BYTES[match[2]]) : undefined;
}

/**
 * What Maven (and the HTTP client under it) says when the repository cannot
 * be reached: no DNS, no route, refused, timed out, a proxy or TLS failure.
 */
const UNREACHABLE =
  /UnknownHostException|Unknown host|Name or service not known|Temporary failure in name resolution|Connection refused|Connect to \S+ failed|Connect timed out|connect timed out|Network is unreachable|No route to host|Read timed out|SSLHandshakeException|PKIX path building failed|Could not transfer (?:artifact|metadata)|transfer failed for|Failed to transfer file/;

/** The first line of Maven's output that says the repository could not be reached, if any. */
export function unreachableRepositoryLine(output: string): string | undefined {
  return (
    output
      .split('\n')
      // eslint-disable-next-line no-control-regex -- Maven colours some lines even in batch mode; ESC starts those codes.
      .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim())
      .find((line) => UNREACHABLE.test(line))
  );
}
