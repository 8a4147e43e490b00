-- S10: the init migration refuses UPDATE and DELETE on the audit log; TRUNCATE bypasses row triggers, so refuse it too.
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
