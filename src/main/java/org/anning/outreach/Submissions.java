package org.anning.outreach;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

import org.anning.audit.Actor;
import org.anning.audit.ActorKind;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Idempotency keys of records made offline or by API clients, as the service hall does it: the key is claimed
 * first (per staff account) in the transaction that makes the record, so a repeat, even one running at the same
 * time, waits for the first and then answers with the record the first one made. A failed first attempt rolls
 * its claim back, so the key can be used again.
 */
@Component
class Submissions {

	static final int KEY_MAX = 100;

	private final OutreachRepository repository;

	private final Clock clock;

	Submissions(OutreachRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** Makes the record with a new identifier, or finds the one an earlier request with the same key made. */
	<T> T once(String key, String kind, Function<UUID, T> make, Function<UUID, T> find) {
		UUID id = UUID.randomUUID();
		if (!StringUtils.hasText(key)) {
			return make.apply(id);
		}
		String stripped = key.strip();
		if (stripped.length() > KEY_MAX) {
			throw new InvalidInputException("idempotencyKey", "outreach.key.tooLong", KEY_MAX);
		}
		Actor actor = Actor.current();
		if (actor.kind() != ActorKind.STAFF) {
			return make.apply(id);
		}
		UUID account = UUID.fromString(actor.id());
		if (repository.claim(account, stripped, kind, id, clock.instant())) {
			return make.apply(id);
		}
		String[] claimed = repository.claimed(account, stripped).orElseThrow(() -> new ConflictException("outreach.key.inUse"));
		if (!claimed[0].equals(kind)) {
			throw new ConflictException("outreach.key.inUse");
		}
		return find.apply(UUID.fromString(claimed[1]));
	}
}
