package org.anning.units;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The unit tree and its changes. Staff actions take the caller's {@link UnitScope}: a unit outside it is
 * reported as not found, and a new or moved unit must land inside it.
 */
@Service
@Transactional
public class Organisation {

	private final UnitRepository units;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditTrail audit;

	Organisation(UnitRepository units, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.audit = audit;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	/** Any unit by identifier, regardless of scope: for showing a record's unit, never for access. */
	@Transactional(readOnly = true)
	public Optional<Unit> find(UnitId id) {
		return units.findById(id);
	}

	/** Any unit by code, regardless of scope. */
	@Transactional(readOnly = true)
	public Optional<Unit> findByCode(String code) {
		return units.findByCode(code);
	}

	/** The units the scope covers, ordered by code. */
	@Transactional(readOnly = true)
	public List<Unit> visible(UnitScope scope) {
		return units.findAll(scope.units());
	}

	/** A unit the scope covers, or 404. */
	@Transactional(readOnly = true)
	public Unit get(String code, UnitScope scope) {
		return units.findByCode(code).filter(u -> scope.covers(u.id())).orElseThrow(() -> new NotFoundException("unit"));
	}

	public Unit create(NewUnit draft, UnitScope scope) {
		String code = draft.code().trim();
		Unit parent = null;
		if (StringUtils.hasText(draft.parentCode())) {
			parent = units.findByCode(draft.parentCode().trim())
				.filter(u -> scope.covers(u.id()))
				.orElseThrow(() -> new InvalidInputException("parentCode", "units.parent.unknown"));
			if (!parent.active()) {
				throw new InvalidInputException("parentCode", "units.parent.inactive");
			}
			if (!draft.level().mayBeUnder(parent.level())) {
				throw new InvalidInputException("level", "units.level.aboveParent");
			}
		}
		else if (draft.level() != UnitLevel.BUREAU || !scope.units().containsAll(units.allIds())) {
			throw new InvalidInputException("parentCode", "units.parent.required");
		}
		if (units.codeExists(code)) {
			throw new ConflictException("units.code.taken", code);
		}
		UnitId id = new UnitId(java.util.UUID.randomUUID());
		units.insert(id, code, draft.nameZh().trim(), draft.nameEn().trim(), draft.level(),
				parent == null ? null : parent.id(), clock.instant());
		audit.record(AuditEntry.of(AuditAction.CREATE, "unit", id).detail("code " + code));
		events.publishEvent(new UnitEvents.UnitCreated(id, parent == null ? null : parent.id()));
		return units.findById(id).orElseThrow();
	}

	public Unit rename(String code, UnitNames names, UnitScope scope) {
		Unit unit = get(code, scope);
		units.rename(unit.id(), names.nameZh().trim(), names.nameEn().trim(), clock.instant());
		audit.record(AuditEntry.of(AuditAction.UPDATE, "unit", unit.id()).detail("renamed"));
		events.publishEvent(new UnitEvents.UnitRenamed(unit.id()));
		return units.findById(unit.id()).orElseThrow();
	}

	/** Moves a unit under another parent; never under itself or its own descendants. */
	public Unit move(String code, String parentCode, UnitScope scope) {
		Unit unit = get(code, scope);
		if (!StringUtils.hasText(parentCode)) {
			throw new InvalidInputException("parentCode", "units.parent.required");
		}
		Unit parent = units.findByCode(parentCode.trim())
			.filter(u -> scope.covers(u.id()))
			.orElseThrow(() -> new InvalidInputException("parentCode", "units.parent.unknown"));
		if (units.subtreeIds(unit.id()).contains(parent.id())) {
			throw new InvalidInputException("parentCode", "units.move.intoOwnSubtree");
		}
		if (!parent.active()) {
			throw new InvalidInputException("parentCode", "units.parent.inactive");
		}
		if (!unit.level().mayBeUnder(parent.level())) {
			throw new InvalidInputException("parentCode", "units.level.aboveParent");
		}
		units.move(unit.id(), parent.id(), clock.instant());
		audit.record(AuditEntry.of(AuditAction.UPDATE, "unit", unit.id()).detail("moved under " + parent.code()));
		events.publishEvent(new UnitEvents.UnitMoved(unit.id(), unit.parentId(), parent.id()));
		return units.findById(unit.id()).orElseThrow();
	}

	/** Deactivates a unit that has no active units below it. */
	public Unit deactivate(String code, UnitScope scope) {
		Unit unit = get(code, scope);
		if (units.hasActiveChildren(unit.id())) {
			throw new ConflictException("units.deactivate.hasActiveChildren", unit.code());
		}
		units.setActive(unit.id(), false, clock.instant());
		audit.record(AuditEntry.of(AuditAction.UPDATE, "unit", unit.id()).detail("deactivated"));
		events.publishEvent(new UnitEvents.UnitDeactivated(unit.id()));
		return units.findById(unit.id()).orElseThrow();
	}

	public Unit reactivate(String code, UnitScope scope) {
		Unit unit = get(code, scope);
		if (unit.parentId() != null && !units.findById(unit.parentId()).map(Unit::active).orElse(true)) {
			throw new ConflictException("units.reactivate.parentInactive", unit.parentCode());
		}
		units.setActive(unit.id(), true, clock.instant());
		audit.record(AuditEntry.of(AuditAction.UPDATE, "unit", unit.id()).detail("reactivated"));
		events.publishEvent(new UnitEvents.UnitReactivated(unit.id()));
		return units.findById(unit.id()).orElseThrow();
	}

	/** The unit and all its descendants, at any depth: whose records count as the unit's in figures. */
	@Transactional(readOnly = true)
	public java.util.Set<UnitId> subtree(UnitId unit) {
		return units.subtreeIds(unit);
	}

	/** Every unit, active or not, ordered by code: for historical records, never for access. */
	@Transactional(readOnly = true)
	public List<Unit> all() {
		return units.findAll(units.allIds());
	}

	/** Every active unit, ordered by code: for residents choosing where to apply, never for access. */
	@Transactional(readOnly = true)
	public List<Unit> active() {
		return units.findAll(units.allIds()).stream().filter(Unit::active).toList();
	}

	/** How many units exist, active or not. */
	@Transactional(readOnly = true)
	public long count() {
		return units.count();
	}
}
