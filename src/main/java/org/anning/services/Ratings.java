package org.anning.services;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.anning.audit.Actor;
import org.anning.audit.ActorKind;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.audit.Purpose;
import org.anning.calendar.WorkingDays;
import org.anning.units.UnitScope;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Ratings (好差评) and the rectification of poor ones. A resident rates a closed application once; a rating of
 * dissatisfied or below opens a task for the station chief, due in working days; once the chief has answered,
 * the resident may rate once more.
 */
@Service
@Transactional
public class Ratings {

	static final int COMMENT_MAX = 500;

	static final int ANSWER_MAX = 1000;

	private final JdbcClient jdbc;

	private final Applications applications;

	private final ApplicationRepository repository;

	private final WorkingDays days;

	private final ServiceHallSettings settings;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Ratings(JdbcClient jdbc, Applications applications, ApplicationRepository repository, WorkingDays days,
			ServiceHallSettings settings, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.repository = repository;
		this.days = days;
		this.settings = settings;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Rates the resident's closed application: the first rating, or, after a rectification answer, the second.
	 *
	 * @throws ConflictException {@code services.rating.notAllowed} when the application is not closed or already rated
	 */
	public Rating rate(UUID resident, String reference, Integer level, String comment) {
		Application a = applications.mine(resident, reference);
		List<FieldProblem> problems = new ArrayList<>();
		RatingLevel rated = null;
		if (level == null || level < 1 || level > 5) {
			problems.add(new FieldProblem("level", "services.rating.level.required"));
		}
		else {
			rated = RatingLevel.of(level);
		}
		String text = comment == null ? null : comment.strip();
		if (text != null && text.length() > COMMENT_MAX) {
			problems.add(new FieldProblem("comment", "services.rating.comment.tooLong", COMMENT_MAX));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int round = nextRound(a);
		if (round == 0) {
			throw new ConflictException("services.rating.notAllowed");
		}
		UUID id = UUID.randomUUID();
		var now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO application_rating (id, application_id, round, level, comment, rated_at, unit_id)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
				""").params(id, a.id, round, rated.value(), StringUtils.hasText(text) ? text : null, Timestamp.from(now), a.unit)
			.update();
		if (inserted == 0) {
			throw new ConflictException("services.rating.notAllowed");
		}
		LocalDate today = LocalDate.now(clock);
		if (rated.poor() && round == 1) {
			jdbc.sql("""
					INSERT INTO rectification (id, application_id, rating_id, unit_id, opened_on, due_on)
					VALUES (?, ?, ?, ?, ?, ?)
					""").params(UUID.randomUUID(), a.id, id, a.unit, today, days.deadline(today, settings.rectificationDays()))
				.update();
		}
		repository.addStep(a.id, Step.RATED, now, today, ActorKind.RESIDENT.name(), resident.toString(), null);
		events.publishEvent(new ApplicationRated(a.id, a.unit));
		return new Rating(id, round, rated, StringUtils.hasText(text) ? text : null, now);
	}

	/** Which rating the resident may give now: 1, 2 (after a rectification answer), or 0 for none. */
	@Transactional(readOnly = true)
	public int nextRound(Application a) {
		if (a.status != ApplicationStatus.CLOSED) {
			return 0;
		}
		List<Rating> given = ratings(a);
		if (given.isEmpty()) {
			return 1;
		}
		if (given.size() == 1 && rectification(a).filter(Rectification::done).isPresent()) {
			return 2;
		}
		return 0;
	}

	@Transactional(readOnly = true)
	public List<Rating> ratings(Application a) {
		return jdbc.sql("SELECT id, round, level, comment, rated_at FROM application_rating WHERE application_id = ? ORDER BY round")
			.param(a.id)
			.query((rs, n) -> new Rating(rs.getObject("id", UUID.class), rs.getInt("round"), RatingLevel.of(rs.getInt("level")),
					rs.getString("comment"), rs.getTimestamp("rated_at").toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Rectification> rectification(Application a) {
		return jdbc.sql(SELECT + " WHERE r.application_id = ?").param(a.id).query((rs, n) -> row(rs)).optional();
	}

	/** Rectification tasks of the units in scope: open ones first by due date, then the done ones. */
	@Transactional(readOnly = true)
	public List<Rectification> tasks(UnitScope scope, boolean openOnly) {
		return jdbc.sql(SELECT + " WHERE r.unit_id = ANY(?)" + (openOnly ? " AND r.done_on IS NULL" : "")
				+ " ORDER BY (r.done_on IS NOT NULL), r.due_on, a.reference LIMIT 500")
			.param(scope.ids()).query((rs, n) -> row(rs)).list();
	}

	/** A task of a unit in scope, by its application's reference; anything else is not found. */
	@Transactional(readOnly = true)
	public Rectification task(String reference, UnitScope scope) {
		Application a = applications.get(reference, scope);
		return rectification(a).orElseThrow(() -> new NotFoundException("rectification"));
	}

	/** The station chief's answer: when the resident was called back, what they said, what was done. */
	public Rectification answer(String reference, LocalDate calledBackOn, String callbackNote, String actionTaken,
			UnitScope scope) {
		Application a = applications.get(reference, scope);
		Rectification task = rectification(a).orElseThrow(() -> new NotFoundException("rectification"));
		LocalDate today = LocalDate.now(clock);
		List<FieldProblem> problems = new ArrayList<>();
		if (calledBackOn == null) {
			problems.add(new FieldProblem("calledBackOn", "services.rectification.calledBackOn.required"));
		}
		else if (calledBackOn.isAfter(today) || calledBackOn.isBefore(task.openedOn())) {
			problems.add(new FieldProblem("calledBackOn", "services.rectification.calledBackOn.range"));
		}
		text(problems, "callbackNote", callbackNote);
		text(problems, "actionTaken", actionTaken);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (task.done()) {
			throw new ConflictException("services.rectification.done");
		}
		Actor actor = Actor.current();
		jdbc.sql("""
				UPDATE rectification SET called_back_on = ?, callback_note = ?, action_taken = ?, done_on = ?, done_by = ?
				 WHERE id = ? AND done_on IS NULL
				""").params(calledBackOn, callbackNote.strip(), actionTaken.strip(), today,
				actor.kind() == ActorKind.STAFF ? UUID.fromString(actor.id()) : null, task.id()).update();
		repository.addStep(a.id, Step.RECTIFIED, clock.instant(), today, actor.kind().name(), actor.id(), null);
		audit.record(AuditEntry.of(AuditAction.UPDATE, "rectification", a.reference)
			.about(a.resident)
			.purpose(Purpose.APPLICATION, a.reference));
		events.publishEvent(new RectificationAnswered(a.id, a.resident, a.reference));
		return rectification(a).orElseThrow();
	}

	private static void text(List<FieldProblem> problems, String field, String value) {
		if (!StringUtils.hasText(value)) {
			problems.add(new FieldProblem(field, "services.rectification.text.required"));
		}
		else if (value.strip().length() > ANSWER_MAX) {
			problems.add(new FieldProblem(field, "services.rectification.text.tooLong", ANSWER_MAX));
		}
	}

	private static final String SELECT = """
			SELECT r.*, a.reference, a.item_name_zh, a.item_name_en, g.level, g.comment
			  FROM rectification r JOIN application a ON a.id = r.application_id JOIN application_rating g ON g.id = r.rating_id
			""";

	private static Rectification row(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Date called = rs.getDate("called_back_on");
		java.sql.Date done = rs.getDate("done_on");
		return new Rectification(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				rs.getString("reference"), rs.getString("item_name_zh"), rs.getString("item_name_en"),
				rs.getObject("unit_id", UUID.class), RatingLevel.of(rs.getInt("level")), rs.getString("comment"),
				rs.getDate("opened_on").toLocalDate(), rs.getDate("due_on").toLocalDate(),
				called == null ? null : called.toLocalDate(), rs.getString("callback_note"), rs.getString("action_taken"),
				done == null ? null : done.toLocalDate());
	}
}
