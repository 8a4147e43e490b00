// The colour theme: a cookie the server layout reads (so the first paint is already right, no inline script) and
// the same value kept in localStorage by the toggle.

/** The two themes. */
export type Theme = "dark" | "light";

/** Cookie (and localStorage key) holding the chosen theme. */
export const THEME_KEY = "sm-theme";

/** The theme a stored value stands for; dark unless it says light. */
export function parseTheme(value: string | null | undefined): Theme {
  return value === "light" ? "light" : "dark";
}
