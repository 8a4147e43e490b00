// QueryView shows the one state a query result is in, rendered to markup as the browser would receive it.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QueryView, type QueryResult } from "./query-states";

/** The markup of a QueryView over `query` whose data is a list (empty when it has no items). */
const view = (query: QueryResult<string[]>) =>
  renderToStaticMarkup(
    <QueryView
      query={query}
      loading={<p>loading</p>}
      errorTitle="Could not load things."
      isEmpty={(d) => d.length === 0}
      empty={<p>nothing yet</p>}
    >
      {(d) => (
        <ul>
          {d.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
    </QueryView>,
  );

const refetch = () => undefined;

describe("QueryView", () => {
  it("shows the loading state until the query has data or an error", () => {
    expect(view({ data: undefined, error: null, refetch })).toBe("<p>loading</p>");
  });

  it("shows the error with a retry button while there is no data", () => {
    const html = view({ data: undefined, error: new Error("HTTP 503"), refetch });
    expect(html).toContain('role="alert"');
    expect(html).toContain("Could not load things.");
    expect(html).toContain("HTTP 503");
    expect(html).toMatch(/<button type="button"[^>]*>Retry<\/button>/);
  });

  it("keeps the data on screen when a later refetch failed", () => {
    expect(view({ data: ["a"], error: new Error("HTTP 503"), refetch })).toBe("<ul><li>a</li></ul>");
  });

  it("shows the empty state for empty data, else the data", () => {
    expect(view({ data: [], error: null, refetch })).toBe("<p>nothing yet</p>");
    expect(view({ data: ["a", "b"], error: null, refetch })).toBe("<ul><li>a</li><li>b</li></ul>");
  });
});
