import { createDownloadProgress } from '../../src/neo4j-local/downloadProgress';
import { downloadedBytes, unreachableRepositoryLine } from '../../src/neo4j-local/mavenOutput';

describe('reading Maven output', () => {
  it('reads the size of each downloaded artifact, in powers of 1000', () => {
    const url = 'https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.30/neo4j-kernel-5.26.30.jar';
    expect(downloadedBytes(`Downloaded from central: ${url} (12 MB at 3.1 MB/s)`)).toBe(12_000_000);
    expect(downloadedBytes(`[INFO] Downloaded from central: ${url} (5.3 kB at 20 kB/s)`)).toBe(5_300);
    expect(downloadedBytes(`Downloaded from central: ${url} (812 B at 4 kB/s)`)).toBe(812);
    expect(downloadedBytes(`Downloading from central: ${url}`)).toBeUndefined();
    expect(downloadedBytes('[INFO] BUILD SUCCESS')).toBeUndefined();
  });

  it('finds the line that says the repository cannot be reached', () => {
    const output = [
      '[INFO] Scanning for projects...',
      '[ERROR] Plugin org.apache.maven.plugins:maven-dependency-plugin:2.8 or one of its dependencies could not be resolved: ' +
        'Failed to read artifact descriptor: Could not transfer artifact org.apache.maven.plugins:maven-dependency-plugin:pom:2.8 ' +
        'from/to central (https://repo.maven.apache.org/maven2): Connect to 127.0.0.1:9 failed: Connection refused',
    ].join('\n');
    expect(unreachableRepositoryLine(output)).toMatch(/Connection refused/);
    expect(unreachableRepositoryLine('[ERROR] Failed to execute goal: some other reason')).toBeUndefined();
  });
});

describe('download progress', () => {
  function fakeStream(isTTY: boolean) {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
  }

  it('logs a plain line every 10 MB when output is not a terminal', () => {
    const lines: string[] = [];
    const { stream, written } = fakeStream(false);
    const progress = createDownloadProgress('Fetching Neo4j', (m) => lines.push(m), stream);
    for (let i = 0; i < 25; i += 1) progress.add(1_000_000);
    progress.done();
    expect(written).toEqual([]);
    expect(lines).toEqual([
      'Fetching Neo4j: 10.0 MB in 10 files so far ...',
      'Fetching Neo4j: 20.0 MB in 20 files so far ...',
      expect.stringMatching(/^Fetching Neo4j: 25\.0 MB in 25 files in \d+ s\.$/),
    ]);
  });

  it('rewrites one line in place on a terminal', () => {
    const lines: string[] = [];
    const { stream, written } = fakeStream(true);
    const progress = createDownloadProgress('Fetching Neo4j', (m) => lines.push(m), stream);
    progress.add(2_500_000);
    progress.done();
    expect(lines).toEqual([]);
    expect(written[0]).toMatch(/^\rFetching Neo4j: 2\.5 MB in 1 file \.\.\./);
    expect(written.at(-1)).toMatch(/ done in \d+ s\n$/);
  });
});
