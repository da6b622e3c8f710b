package org.anning.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain in order and names the first bad sequence number: a row whose content no longer matches its
 * hash (changed), a row that does not link to the one before (reordered or rewritten), a missing number
 * (deleted), or rows missing after the last signed checkpoint (the tail cut off).
 */
@Component
public class ChainVerifier {

	private final AuditRepository events;

	private final Witness witness;

	ChainVerifier(AuditRepository events, Witness witness) {
		this.events = events;
		this.witness = witness;
	}

	@Transactional(readOnly = true)
	public Verification verify() {
		long started = System.nanoTime();
		List<Witness.Checkpoint> checkpoints = witness.checkpoints();
		var forged = checkpoints.stream().filter(c -> !c.signatureValid()).findFirst();
		Map<Long, String> witnessed = new HashMap<>();
		checkpoints.stream().filter(Witness.Checkpoint::signatureValid).forEach(c -> witnessed.put(c.seq(), c.hash()));

		var walk = new Walk(witnessed);
		events.each(walk::accept);
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (walk.badSeq != null) {
			return Verification.broken(walk.rows, checkpoints.size(), walk.badSeq, walk.problem, millis);
		}
		long highestWitnessed = witnessed.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
		if (highestWitnessed > walk.lastSeq) {
			return Verification.broken(walk.rows, checkpoints.size(), walk.lastSeq + 1, "audit.verify.truncated", millis);
		}
		if (forged.isPresent()) {
			return Verification.broken(walk.rows, checkpoints.size(), forged.get().seq(), "audit.verify.forgedCheckpoint",
					millis);
		}
		return Verification.intact(walk.rows, checkpoints.size(), millis);
	}

	/** The state of one pass over the chain; stops noting at the first problem but keeps counting rows. */
	private static final class Walk {

		final Map<Long, String> witnessed;

		long rows;

		long lastSeq;

		String previousHash = ChainHash.GENESIS;

		Long badSeq;

		String problem;

		Walk(Map<Long, String> witnessed) {
			this.witnessed = witnessed;
		}

		void accept(AuditRecord row) {
			rows++;
			if (badSeq != null) {
				return;
			}
			long expected = lastSeq + 1;
			if (row.seq() != expected) {
				fail(expected, "audit.verify.missing");
			}
			else if (!row.prevHash().equals(previousHash)) {
				fail(row.seq(), "audit.verify.unlinked");
			}
			else if (!ChainHash.of(row).equals(row.hash())) {
				fail(row.seq(), "audit.verify.changed");
			}
			else if (witnessed.containsKey(row.seq()) && !witnessed.get(row.seq()).equals(row.hash())) {
				fail(row.seq(), "audit.verify.rewritten");
			}
			lastSeq = row.seq();
			previousHash = row.hash();
		}

		private void fail(long seq, String why) {
			badSeq = seq;
			problem = why;
		}
	}
}
