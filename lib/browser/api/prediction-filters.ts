// The prediction table's filters (status, minimum confidence) as URL and API query parameters.

/** Prediction statuses the list can be narrowed to ("all" lists every prediction, also those below the threshold). */
export const PREDICTION_STATUSES = ["all", "observed", "open", "approved", "rejected", "expired"] as const;

/** The table's filters. */
export type PredictionFilters = { status: (typeof PREDICTION_STATUSES)[number]; min_confidence?: number | undefined };

/** Reads the filters from a query string; invalid values fall back to "all" / no minimum. */
export function parsePredictionFilters(params: URLSearchParams): PredictionFilters {
  const status = PREDICTION_STATUSES.find((s) => s === params.get("status")) ?? "all";
  const raw = params.get("min_confidence");
  const min = raw === null || raw === "" ? Number.NaN : Number(raw);
  return Number.isFinite(min) && min > 0 && min <= 1 ? { status, min_confidence: min } : { status };
}

/** Writes the filters into `base` (other parameters kept), leaving out the defaults. */
export function withPredictionFilters(base: URLSearchParams, filters: PredictionFilters): URLSearchParams {
  const out = new URLSearchParams(base);
  if (filters.status === "all") out.delete("status");
  else out.set("status", filters.status);
  if (filters.min_confidence === undefined) out.delete("min_confidence");
  else out.set("min_confidence", String(filters.min_confidence));
  return out;
}
