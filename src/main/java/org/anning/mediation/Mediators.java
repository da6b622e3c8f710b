package org.anning.mediation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.anning.accounts.StaffAccount;
import org.anning.accounts.StaffAccounts;
import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The mediators of each unit (三所联动): police officers, who are staff with an account of that unit, and people's
 * mediators, judicial-office staff and lawyers, who are only named (they do not use the system). A mediator is
 * deactivated, never deleted, so that past sessions still name them.
 */
@Service
@Transactional
public class Mediators {

	private final JdbcClient jdbc;

	private final StaffAccounts accounts;

	private final Organisation organisation;

	private final AuditTrail audit;

	private final Clock clock;

	Mediators(JdbcClient jdbc, StaffAccounts accounts, Organisation organisation, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.organisation = organisation;
		this.audit = audit;
		this.clock = clock;
	}

	/** The mediators of the units in scope (of one unit when {@code unit} is set), active ones first, by name. */
	@Transactional(readOnly = true)
	public List<Mediator> list(UnitScope scope, UUID unit, boolean activeOnly) {
		return jdbc.sql("""
				SELECT * FROM mediation_mediator WHERE unit_id = ANY(?) AND (?::uuid IS NULL OR unit_id = ?)
				   AND (active OR NOT ?) ORDER BY active DESC, kind, name, id
				""").params(scope.ids(), unit, unit, activeOnly).query((rs, n) -> mediator(rs)).list();
	}

	/** A mediator of a unit in scope, or 404. */
	@Transactional(readOnly = true)
	public Mediator get(UUID id, UnitScope scope) {
		return find(id).filter(m -> scope.covers(new UnitId(m.unit()))).orElseThrow(() -> new NotFoundException("mediator"));
	}

	@Transactional(readOnly = true)
	public Optional<Mediator> find(UUID id) {
		return jdbc.sql("SELECT * FROM mediation_mediator WHERE id = ?").param(id).query((rs, n) -> mediator(rs)).optional();
	}

	/**
	 * Adds a mediator to a unit of the scope (the acting unit when none is named). A police mediator is a staff
	 * account of that unit, named by its username; their name defaults to the account's display name.
	 */
	public Mediator add(String unitCode, String kind, String name, String organisationName, String account,
			UUID actingUnit, UnitScope scope) {
		List<FieldProblem> problems = new ArrayList<>();
		UUID unit = Disputes.unitOf(organisation, unitCode, actingUnit, scope, problems);
		MediatorKind type = Disputes.parse(MediatorKind.class, kind, "kind", "mediation.mediator.kind.required", problems);
		UUID accountId = null;
		String typedName = Disputes.text(problems, "name", name, 50, type != MediatorKind.POLICE);
		String org = Disputes.text(problems, "organisation", organisationName, 100, false);
		if (type == MediatorKind.POLICE && unit != null) {
			StaffAccount staff = StringUtils.hasText(account) ? accounts.list(scope, new UnitId(unit), null, account.strip())
				.stream()
				.filter(a -> a.username().equals(account.strip()) && a.active())
				.findFirst()
				.orElse(null) : null;
			if (staff == null) {
				problems.add(new FieldProblem("account", "mediation.mediator.account.unknown"));
			}
			else {
				accountId = staff.id().value();
				if (typedName == null) {
					typedName = staff.displayName();
				}
				if (exists(unit, accountId)) {
					problems.add(new FieldProblem("account", "mediation.mediator.account.taken"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO mediation_mediator (id, unit_id, kind, name, organisation, account_id, active, created_at)
				VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)
				""").params(id, unit, type.name(), typedName, org, accountId, Timestamp.from(clock.instant())).update();
		audit.record(AuditEntry.of(AuditAction.CREATE, "mediator", id).detail(type.name()));
		return find(id).orElseThrow();
	}

	/** Deactivates a mediator of the scope: not offered for new sessions any more; past ones still name them. */
	public Mediator deactivate(UUID id, UnitScope scope) {
		Mediator m = get(id, scope);
		if (!m.active()) {
			throw new ConflictException("mediation.mediator.inactive");
		}
		jdbc.sql("UPDATE mediation_mediator SET active = FALSE, deactivated_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), id).update();
		audit.record(AuditEntry.of(AuditAction.UPDATE, "mediator", id).detail("DEACTIVATED"));
		return find(id).orElseThrow();
	}

	private boolean exists(UUID unit, UUID account) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM mediation_mediator WHERE unit_id = ? AND account_id = ?)")
			.params(unit, account).query(Boolean.class).single();
	}

	/** The unit's name, for pages. */
	@Transactional(readOnly = true)
	public Optional<Unit> unit(UUID unit) {
		return organisation.find(new UnitId(unit));
	}

	private static Mediator mediator(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Mediator(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
				MediatorKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("organisation"),
				rs.getObject("account_id", UUID.class), rs.getBoolean("active"));
	}
}
