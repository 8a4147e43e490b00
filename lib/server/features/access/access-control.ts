// Who may call the API: the caller behind request headers (session or personal access token), ingest keys, the swarm a
// route names, and the audit entry of a refusal (S1). The route wrapper, pages, the metrics endpoint and the live
// channel all authenticate through this one object.
import type { IngestIdentity, IngestKeyVerifier } from "../../auth/ingest-keys";
import { authenticate, type Credentials, type Principal } from "../../auth/principal";
import type { Db } from "../../db/prisma";
import type { DeniedActor } from "../../http/audit-denial";
import type { SwarmRef } from "../../http/route";
import { audit } from "../audit/audit-log";
import { findSwarm } from "../swarms/swarm-lists";

/** What access control uses. */
export type AccessDeps = { db: Db; credentials: Credentials; ingestKeys: Pick<IngestKeyVerifier, "verify"> };

/** Authentication, ingest-key checks, swarm lookup and denial logging (methods are bound: pass them around freely). */
export class AccessControl {
  constructor(private readonly deps: AccessDeps) {}

  /** The caller behind these request headers, or null. */
  readonly authenticate = (headers: Headers): Promise<Principal | null> => authenticate(headers, this.deps.credentials);

  /** The swarm behind an ingest key, or null. */
  readonly verifyIngestKey = (key: string | undefined): Promise<IngestIdentity | null> => this.deps.ingestKeys.verify(key);

  /** The stored swarm of this name, or null. */
  readonly findSwarm = (name: string): Promise<SwarmRef | null> => findSwarm(this.deps.db, name);

  /** Audit-logs a refused request. */
  readonly recordDenial = (actor: DeniedActor, target: string, status: 401 | 403): Promise<void> =>
    audit(this.deps.db, { actor, action: "access.denied", target, result: "denied", detail: { status } });
}
