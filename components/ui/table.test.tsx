// The table parts take their classes from the look chosen on <Table>, so a table is styled in one place.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Cell, EmptyRow, HeaderCell, RowHeader, Table, TableBody, TableHead, TableRow } from "./table";

/** A table in `look` with a numeric column, one row (named by its row header) and an empty-state row. */
const render = (look: "ruled" | "plain") =>
  renderToStaticMarkup(
    <Table look={look} label="Things" caption="Things, newest first">
      <TableHead>
        <HeaderCell>Name</HeaderCell>
        <HeaderCell numeric>Count</HeaderCell>
      </TableHead>
      <TableBody>
        <TableRow className="h-10">
          <RowHeader className="font-medium">a</RowHeader>
          <Cell numeric>3</Cell>
        </TableRow>
        <EmptyRow columns={2}>No things</EmptyRow>
      </TableBody>
    </Table>,
  );

describe("Table", () => {
  it("styles every part by the table's look", () => {
    const ruled = render("ruled");
    expect(ruled).toContain('<table class="w-full text-sm" aria-label="Things"><caption class="sr-only">Things, newest first</caption>');
    expect(ruled).toContain('<thead class="border-b border-slate-200 dark:border-slate-800">');
    expect(ruled).toContain('<tr class="border-b border-slate-100 last:border-0 dark:border-slate-800/60 h-10">');
    expect(ruled).toContain('<th scope="row" class="px-3 py-2 align-top text-left font-medium">a</th>');
    const plain = render("plain");
    expect(plain).toContain('<table class="w-full text-left text-sm" aria-label="Things">');
    expect(plain).toContain('<td class="py-2 pr-3 last:pr-0 text-right tabular-nums">3</td>');
  });

  it("aligns numeric columns and their headers to the right", () => {
    expect(render("ruled")).toMatch(/<th scope="col" class="[^"]*text-right">Count<\/th>/);
    expect(render("ruled")).toContain('<td class="px-3 py-2 align-top text-right tabular-nums">3</td>');
  });

  it("spans the empty-state row over every column", () => {
    expect(render("ruled")).toMatch(/<tr><td colSpan="2" class="[^"]*text-center[^"]*">No things<\/td><\/tr>/);
  });
});
