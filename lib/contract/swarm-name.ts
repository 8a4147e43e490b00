// The swarm name rule of the contract (docs/contract.md#names).
import { z } from "zod";

/** A valid swarm name: `^[a-z0-9][a-z0-9-]{0,62}$`. */
export const swarmNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "swarm name must match ^[a-z0-9][a-z0-9-]{0,62}$");
