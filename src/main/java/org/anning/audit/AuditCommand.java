package org.anning.audit;

import java.io.PrintStream;

import org.anning.operations.Command;
import org.springframework.stereotype.Component;

/**
 * {@code audit verify}: walks the audit chain and the witness checkpoints; prints one line and exits 0 when
 * intact, 1 with the first bad sequence number otherwise. {@code audit checkpoint} writes a checkpoint now.
 */
@Component
class AuditCommand implements Command {

	private final ChainVerifier verifier;

	private final Witness witness;

	AuditCommand(ChainVerifier verifier, Witness witness) {
		this.verifier = verifier;
		this.witness = witness;
	}

	@Override
	public String name() {
		return "audit";
	}

	@Override
	public int run(String[] args, PrintStream out) {
		String what = args.length == 0 ? "" : args[0];
		switch (what) {
			case "verify" -> {
				Verification result = verifier.verify();
				out.println(result.summary());
				return result.intact() ? 0 : 1;
			}
			case "checkpoint" -> {
				out.println("Checkpoint written at sequence " + witness.checkpoint() + " in " + witness.directory());
				return 0;
			}
			default -> throw new UsageException("usage: audit verify | audit checkpoint");
		}
	}
}
