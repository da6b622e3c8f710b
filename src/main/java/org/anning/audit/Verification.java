package org.anning.audit;

/**
 * The verifier's finding: whether the chain is intact, how many rows and checkpoints it checked, and otherwise
 * the first bad sequence number and what is wrong there ({@code problem} is a message key).
 */
public record Verification(boolean intact, long rows, int checkpoints, Long firstBadSeq, String problem, long millis) {

	static Verification intact(long rows, int checkpoints, long millis) {
		return new Verification(true, rows, checkpoints, null, null, millis);
	}

	static Verification broken(long rows, int checkpoints, long seq, String problem, long millis) {
		return new Verification(false, rows, checkpoints, seq, problem, millis);
	}

	/** One line for operators. */
	public String summary() {
		return intact ? "Audit chain intact: " + rows + " rows, " + checkpoints + " checkpoints checked in " + millis + " ms."
				: "Audit chain broken at sequence " + firstBadSeq + " (" + problem + "); " + rows + " rows read in " + millis
						+ " ms.";
	}
}
