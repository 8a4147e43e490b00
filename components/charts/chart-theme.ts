// Colours and tooltip styling the charts share; mid-tone colours that read on the dark and the light background.

/** Series and state colours. */
export const CHART_COLORS = {
  mttr: "#0ea5e9",
  heal: "#a855f7",
  good: "#10b981",
  neutral: "#38bdf8",
  warn: "#f59e0b",
  bad: "#f43f5e",
  muted: "#94a3b8",
  target: "#f59e0b",
} as const;

/** Tooltip box: dark in both themes, so it stands out from either background. */
export const TOOLTIP_STYLE = {
  contentStyle: { background: "rgb(15 23 42 / 0.95)", border: "1px solid rgb(51 65 85)", borderRadius: 8, color: "#e2e8f0", fontSize: 12 },
  labelStyle: { color: "#f8fafc", fontWeight: 600 },
  itemStyle: { color: "#e2e8f0" },
} as const;

/** Axis ticks in the surrounding text colour (the chart's wrapper sets it per theme). */
export const AXIS_TICK = { fill: "currentColor", fontSize: 12 } as const;
