package org.anning.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/** The outreach tables, in plain SQL. */
@Repository
class OutreachRepository {

	private final JdbcClient jdbc;

	OutreachRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long next(String sequence) {
		return jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
	}

	// ---- Idempotency keys

	/** Claims the key for the record; false if another request claimed it first (that one's record is found then). */
	boolean claim(UUID account, String key, String kind, UUID record, Instant now) {
		return jdbc.sql("""
				INSERT INTO outreach_submission (account_id, idempotency_key, kind, record_id, created_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
				""").params(account, key, kind, record, Timestamp.from(now)).update() == 1;
	}

	/** The record a key was claimed for, and its kind. */
	Optional<String[]> claimed(UUID account, String key) {
		return jdbc.sql("SELECT kind, record_id FROM outreach_submission WHERE account_id = ? AND idempotency_key = ?")
			.params(account, key)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
	}

	// ---- Service visits

	void insert(ServiceVisit v) {
		jdbc.sql("""
				INSERT INTO outreach_service_visit (id, reference, unit_id, resident_id, reason, consent, consent_how,
				  consent_on, services, note, place, visited_on, officer_id, application_ref, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(v.id(), v.reference(), v.unit(), v.resident(), v.reason().name(), v.consent(),
				v.consentHow() == null ? null : v.consentHow().name(), v.consentOn(),
				String.join(",", v.services().stream().map(Enum::name).toList()), v.note(), v.place(), v.visitedOn(),
				v.officer(), v.applicationReference(), Timestamp.from(v.createdAt())).update();
	}

	void setApplication(UUID visit, String reference, String services) {
		jdbc.sql("UPDATE outreach_service_visit SET application_ref = ?, services = ? WHERE id = ?")
			.params(reference, services, visit).update();
	}

	Optional<ServiceVisit> visit(UUID id) {
		return jdbc.sql("SELECT * FROM outreach_service_visit WHERE id = ?").param(id).query((rs, n) -> visit(rs))
			.optional();
	}

	Optional<ServiceVisit> visitByReference(String reference) {
		return jdbc.sql("SELECT * FROM outreach_service_visit WHERE reference = ?").param(reference)
			.query((rs, n) -> visit(rs)).optional();
	}

	List<ServiceVisit> visits(UUID[] units, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql("""
				SELECT * FROM outreach_service_visit WHERE unit_id = ANY(?) AND visited_on BETWEEN ? AND ?
				 ORDER BY visited_on DESC, reference DESC LIMIT ?
				""").params(units, from, to, limit).query((rs, n) -> visit(rs)).list();
	}

	List<ServiceVisit> visitsOf(UUID resident, UUID[] units) {
		return jdbc.sql("""
				SELECT * FROM outreach_service_visit WHERE resident_id = ? AND unit_id = ANY(?)
				 ORDER BY visited_on DESC, reference DESC
				""").params(resident, units).query((rs, n) -> visit(rs)).list();
	}

	static ServiceVisit visit(ResultSet rs) throws SQLException {
		String how = rs.getString("consent_how");
		List<VisitService> services = Arrays.stream(rs.getString("services").split(","))
			.filter(StringUtils::hasText)
			.map(VisitService::valueOf)
			.toList();
		return new ServiceVisit(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getObject("unit_id", UUID.class), rs.getObject("resident_id", UUID.class),
				VisitReason.valueOf(rs.getString("reason")), rs.getBoolean("consent"),
				how == null ? null : ConsentHow.valueOf(how), date(rs, "consent_on"), services, rs.getString("note"),
				rs.getString("place"), date(rs, "visited_on"), rs.getObject("officer_id", UUID.class),
				rs.getString("application_ref"), rs.getTimestamp("created_at").toInstant());
	}

	// ---- Plans

	Optional<VisitPlan> plan(UUID unit, UUID resident) {
		return jdbc.sql("SELECT * FROM outreach_visit_plan WHERE unit_id = ? AND resident_id = ?").params(unit, resident)
			.query((rs, n) -> plan(rs)).optional();
	}

	Optional<VisitPlan> plan(UUID id) {
		return jdbc.sql("SELECT * FROM outreach_visit_plan WHERE id = ?").param(id).query((rs, n) -> plan(rs)).optional();
	}

	void savePlan(VisitPlan p, Instant now) {
		jdbc.sql("""
				INSERT INTO outreach_visit_plan (id, unit_id, resident_id, every_weeks, next_due_on, last_visit, active, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (unit_id, resident_id) DO UPDATE SET every_weeks = EXCLUDED.every_weeks,
				  next_due_on = EXCLUDED.next_due_on, last_visit = EXCLUDED.last_visit, active = EXCLUDED.active
				""").params(p.id(), p.unit(), p.resident(), p.everyWeeks(), p.nextDueOn(), p.lastVisit(), p.active(),
				Timestamp.from(now)).update();
	}

	void stopPlan(UUID id) {
		jdbc.sql("UPDATE outreach_visit_plan SET active = FALSE WHERE id = ?").param(id).update();
	}

	/** Active plans of the units due on or before the day, earliest first. */
	List<VisitPlan> duePlans(UUID[] units, LocalDate by, int limit) {
		return jdbc.sql("""
				SELECT * FROM outreach_visit_plan WHERE active AND unit_id = ANY(?) AND next_due_on <= ?
				 ORDER BY next_due_on, id LIMIT ?
				""").params(units, by, limit).query((rs, n) -> plan(rs)).list();
	}

	static VisitPlan plan(ResultSet rs) throws SQLException {
		return new VisitPlan(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
				rs.getObject("resident_id", UUID.class), rs.getInt("every_weeks"), date(rs, "next_due_on"),
				rs.getObject("last_visit", UUID.class), rs.getBoolean("active"));
	}

	// ---- Publicity

	void insert(PublicityEvent e) {
		jdbc.sql("""
				INSERT INTO outreach_publicity_event (id, reference, unit_id, topic, title, place, held_on, attendance,
				  materials_count, materials, partners, officer_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(e.id(), e.reference(), e.unit(), e.topic().name(), e.title(), e.place(), e.heldOn(),
				e.attendance(), e.materialsCount(), e.materials(), e.partners(), e.officer(), Timestamp.from(e.createdAt()))
			.update();
	}

	Optional<PublicityEvent> publicityByReference(String reference) {
		return jdbc.sql("SELECT * FROM outreach_publicity_event WHERE reference = ?").param(reference)
			.query((rs, n) -> publicity(rs)).optional();
	}

	Optional<PublicityEvent> publicityById(UUID id) {
		return jdbc.sql("SELECT * FROM outreach_publicity_event WHERE id = ?").param(id).query((rs, n) -> publicity(rs))
			.optional();
	}

	List<PublicityEvent> publicity(UUID[] units, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql("""
				SELECT * FROM outreach_publicity_event WHERE unit_id = ANY(?) AND held_on BETWEEN ? AND ?
				 ORDER BY held_on DESC, reference DESC LIMIT ?
				""").params(units, from, to, limit).query((rs, n) -> publicity(rs)).list();
	}

	static PublicityEvent publicity(ResultSet rs) throws SQLException {
		return new PublicityEvent(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getObject("unit_id", UUID.class), PublicityTopic.valueOf(rs.getString("topic")), rs.getString("title"),
				rs.getString("place"), date(rs, "held_on"), rs.getInt("attendance"), rs.getInt("materials_count"),
				rs.getString("materials"), rs.getString("partners"), rs.getObject("officer_id", UUID.class),
				rs.getTimestamp("created_at").toInstant());
	}

	// ---- Campaigns, households, issues

	void insert(Campaign c, Instant now) {
		jdbc.sql("""
				INSERT INTO outreach_campaign (id, reference, unit_id, name, starts_on, ends_on, target, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""").params(c.id(), c.reference(), c.unit(), c.name(), c.startsOn(), c.endsOn(), c.target(),
				Timestamp.from(now)).update();
	}

	Optional<Campaign> campaignByReference(String reference) {
		return jdbc.sql("SELECT * FROM outreach_campaign WHERE reference = ?").param(reference)
			.query((rs, n) -> campaign(rs)).optional();
	}

	Optional<Campaign> campaign(UUID id) {
		return jdbc.sql("SELECT * FROM outreach_campaign WHERE id = ?").param(id).query((rs, n) -> campaign(rs)).optional();
	}

	/** Campaigns of the units that overlap the period, newest first. */
	List<Campaign> campaigns(UUID[] units, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql("""
				SELECT * FROM outreach_campaign WHERE unit_id = ANY(?) AND starts_on <= ? AND ends_on >= ?
				 ORDER BY starts_on DESC, reference DESC LIMIT ?
				""").params(units, to, from, limit).query((rs, n) -> campaign(rs)).list();
	}

	long visitedIn(UUID campaign) {
		return jdbc.sql("SELECT count(*) FROM outreach_household_visit WHERE campaign_id = ?").param(campaign)
			.query(Long.class).single();
	}

	static Campaign campaign(ResultSet rs) throws SQLException {
		return new Campaign(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getObject("unit_id", UUID.class),
				rs.getString("name"), date(rs, "starts_on"), date(rs, "ends_on"), rs.getInt("target"));
	}

	void insert(HouseholdVisit h, Instant now) {
		jdbc.sql("""
				INSERT INTO outreach_household_visit (id, campaign_id, unit_id, address, visited_on, officer_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""").params(h.id(), h.campaign(), h.unit(), h.address(), h.visitedOn(), h.officer(), Timestamp.from(now))
			.update();
		int position = 0;
		for (Issue i : h.issues()) {
			jdbc.sql("""
					INSERT INTO outreach_issue (id, household_visit_id, unit_id, kind, description, raised_on, status, position)
					VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)
					""").params(i.id(), h.id(), h.unit(), i.kind().name(), i.description(), i.raisedOn(), position++)
				.update();
		}
	}

	Optional<HouseholdVisit> household(UUID id) {
		return jdbc.sql("SELECT * FROM outreach_household_visit WHERE id = ?").param(id)
			.query((rs, n) -> household(rs, issuesOf(rs.getObject("id", UUID.class))))
			.optional();
	}

	List<HouseholdVisit> households(UUID campaign, int limit) {
		return jdbc.sql("SELECT * FROM outreach_household_visit WHERE campaign_id = ? ORDER BY visited_on DESC, created_at DESC LIMIT ?")
			.params(campaign, limit)
			.query((rs, n) -> household(rs, issuesOf(rs.getObject("id", UUID.class))))
			.list();
	}

	private HouseholdVisit household(ResultSet rs, List<Issue> issues) throws SQLException {
		return new HouseholdVisit(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
				rs.getObject("unit_id", UUID.class), rs.getString("address"), date(rs, "visited_on"),
				rs.getObject("officer_id", UUID.class), issues);
	}

	List<Issue> issuesOf(UUID householdVisit) {
		return jdbc.sql("SELECT * FROM outreach_issue WHERE household_visit_id = ? ORDER BY position")
			.param(householdVisit).query((rs, n) -> issue(rs)).list();
	}

	Optional<Issue> issue(UUID id) {
		return jdbc.sql("SELECT * FROM outreach_issue WHERE id = ?").param(id).query((rs, n) -> issue(rs)).optional();
	}

	/** Issues of the units that are not resolved, oldest first. */
	List<Issue> openIssues(UUID[] units, int limit) {
		return jdbc.sql("""
				SELECT * FROM outreach_issue WHERE unit_id = ANY(?) AND status <> 'RESOLVED'
				 ORDER BY raised_on, id LIMIT ?
				""").params(units, limit).query((rs, n) -> issue(rs)).list();
	}

	/** Changes the status if it is still the expected one; false if someone changed it first. */
	boolean refer(UUID issue, IssueStatus expected, IssueStatus status, LocalDate on, String reference) {
		return jdbc.sql("UPDATE outreach_issue SET status = ?, referred_on = ?, referred_ref = ? WHERE id = ? AND status = ?")
			.params(status.name(), on, reference, issue, expected.name()).update() == 1;
	}

	boolean resolve(UUID issue, IssueStatus expected, LocalDate on, String resolution) {
		return jdbc.sql("UPDATE outreach_issue SET status = 'RESOLVED', resolved_on = ?, resolution = ? WHERE id = ? AND status = ?")
			.params(on, resolution, issue, expected.name()).update() == 1;
	}

	static Issue issue(ResultSet rs) throws SQLException {
		return new Issue(rs.getObject("id", UUID.class), rs.getObject("household_visit_id", UUID.class),
				rs.getObject("unit_id", UUID.class), IssueKind.valueOf(rs.getString("kind")), rs.getString("description"),
				date(rs, "raised_on"), IssueStatus.valueOf(rs.getString("status")), date(rs, "referred_on"),
				rs.getString("referred_ref"), date(rs, "resolved_on"), rs.getString("resolution"));
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
