-- The audit trail is append-only at the database level (DESIGN §6 Audit): every UPDATE, DELETE and TRUNCATE of
-- vault_audit_entries is rejected, except the one-time transition the chain sequencer of @vault/audit makes:
-- seq, prev_hash and hash from null to a value, with every other column unchanged.
CREATE OR REPLACE FUNCTION vault_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seq IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
       AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
       AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'vault_audit_entries is append-only: % is not allowed', TG_OP
    USING HINT = 'audit entries can only be inserted; the chain columns are set once by the sequencer';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER vault_audit_entries_append_only
  BEFORE UPDATE OR DELETE ON vault_audit_entries
  FOR EACH ROW EXECUTE FUNCTION vault_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER vault_audit_entries_no_truncate
  BEFORE TRUNCATE ON vault_audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION vault_audit_append_only();
--> statement-breakpoint
-- The chain head starts at seq 0 with the all-zero hash as the "previous hash" of entry 1.
INSERT INTO vault_audit_chain (id, last_seq, last_hash, updated_at)
VALUES ('main', 0, repeat('0', 64), now())
ON CONFLICT (id) DO NOTHING;
