/** How many of the API's GraphQL responses its read lane sent, from its /metrics. */
export interface LaneShare {
  served: number;
  handedOver: number;
  /** POST /graphql responses of every status. */
  responses: number;
}

/** Sums the samples of one metric whose labels include all of `labels` (a substring of the label list, e.g. `outcome="served"`). */
function sum(text: string, metric: string, labels: string[]): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const close = line.indexOf('} ');
    const labelList = line.slice(metric.length + 1, close);
    if (labels.every((label) => labelList.includes(label))) total += Number(line.slice(close + 2));
  }
  return total;
}

/**
 * Reads the API's counters after a run: the responses its read lane sent
 * (docs/api.md, "The read lane"), those it handed to Apollo after it
 * began, and all POST /graphql responses. Tells whoever reads the table
 * which path the API's figures measured.
 */
export async function laneShare(graphqlUrl: string): Promise<LaneShare> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  return {
    served: sum(text, 'diplograph_graphql_read_lane_total', ['outcome="served"']),
    handedOver: sum(text, 'diplograph_graphql_read_lane_total', ['outcome="apollo"']),
    responses: sum(text, 'diplograph_http_responses_total', ['method="POST"', 'route="/graphql"']),
  };
}
