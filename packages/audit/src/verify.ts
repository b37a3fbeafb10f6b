import { entryHash, GENESIS_HASH, type HashedEntry } from "./canonical";

/** A chained entry as verification sees it. */
export interface ChainedEntry extends HashedEntry {
  prevHash: string | null;
  hash: string | null;
}

/** The first place where the chain is not what the sequencer wrote. */
export interface AuditChainProblem {
  /**
   * `changed`: the entry's content (or its chain columns) differs from what was hashed.
   * `removed`: an entry is missing (a gap in `seq`, or entries after the last one the head recorded).
   * `reordered`: the entry was moved: its `prev_hash` is the hash of an entry stored at another position.
   */
  kind: "changed" | "removed" | "reordered";
  /** The position of the problem: the changed or moved entry's seq, or the first missing seq. */
  seq: number;
  /** The id of the entry at fault; for `removed`, the id of the entry found after the gap (null at the tail). */
  id: string | null;
  message: string;
}

export type AuditVerification =
  | { ok: true; checked: number; lastSeq: number; lastHash: string }
  | { ok: false; checked: number; problem: AuditChainProblem };

export interface VerifyChainOptions {
  /** The chain head as the sequencer last wrote it; detects entries removed from the tail. */
  head?: { lastSeq: number; lastHash: string };
  /** Find an entry by its hash, to tell a moved entry from a changed one. */
  findByHash?: (hash: string) => Promise<{ id: string; seq: number | null } | undefined>;
}

/**
 * Walk chained entries in `seq` order (1, 2, 3, …) and report the first one that was changed, removed or reordered.
 * Works on rows read from the database and on entries parsed back from an NDJSON export alike.
 */
export async function verifyChain(
  entries: AsyncIterable<ChainedEntry> | Iterable<ChainedEntry>,
  options: VerifyChainOptions = {},
): Promise<AuditVerification> {
  let expected = 1;
  let running = GENESIS_HASH;
  let previous: ChainedEntry | undefined;
  let checked = 0;
  const fail = (problem: AuditChainProblem): AuditVerification => ({ ok: false, checked, problem });
  for await (const entry of entries) {
    if (entry.seq !== expected) {
      if (entry.seq < expected) {
        return fail({
          kind: "reordered",
          seq: entry.seq,
          id: entry.id,
          message: `entry #${entry.seq} (${entry.id}) appears after entry #${expected - 1}`,
        });
      }
      return fail({
        kind: "removed",
        seq: expected,
        id: entry.id,
        message:
          entry.seq === expected + 1
            ? `entry #${expected} is missing (the chain continues at #${entry.seq}, ${entry.id})`
            : `entries #${expected}–#${entry.seq - 1} are missing (the chain continues at #${entry.seq}, ${entry.id})`,
      });
    }
    const computed = entryHash(running, entry);
    if (computed !== entry.hash || entry.prevHash !== running) {
      return fail(await diagnose(entry, previous, running, options));
    }
    running = computed;
    previous = entry;
    expected += 1;
    checked += 1;
  }
  const lastSeq = expected - 1;
  if (options.head) {
    if (options.head.lastSeq > lastSeq) {
      return fail({
        kind: "removed",
        seq: lastSeq + 1,
        id: null,
        message: `entries #${lastSeq + 1}–#${options.head.lastSeq} are missing: the chain head records #${options.head.lastSeq}`,
      });
    }
    if (options.head.lastSeq === lastSeq && options.head.lastHash !== running && previous) {
      return fail({
        kind: "changed",
        seq: previous.seq,
        id: previous.id,
        message: `entry #${previous.seq} (${previous.id}) was changed and re-hashed: the chain head recorded another hash`,
      });
    }
  }
  return { ok: true, checked, lastSeq, lastHash: running };
}

async function diagnose(
  entry: ChainedEntry,
  previous: ChainedEntry | undefined,
  running: string,
  options: VerifyChainOptions,
): Promise<AuditChainProblem> {
  const at = `entry #${entry.seq} (${entry.id})`;
  if (entry.prevHash !== running && entry.prevHash !== null) {
    const predecessor = await options.findByHash?.(entry.prevHash);
    if (predecessor && predecessor.id !== previous?.id) {
      return {
        kind: "reordered",
        seq: entry.seq,
        id: entry.id,
        message: `${at} was moved: it was chained after ${predecessor.id}, now stored at #${predecessor.seq ?? "?"}`,
      };
    }
    if (previous && entry.hash === entryHash(entry.prevHash, entry)) {
      // This entry is intact, so the one before it no longer has the hash this entry recorded for it.
      return {
        kind: "changed",
        seq: previous.seq,
        id: previous.id,
        message: `entry #${previous.seq} (${previous.id}) was changed and re-hashed: entry #${entry.seq} recorded another hash for it (or an entry between them was removed)`,
      };
    }
  }
  return {
    kind: "changed",
    seq: entry.seq,
    id: entry.id,
    message: `${at} was changed: its hash does not match its content`,
  };
}
