package org.anning.services;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditEntry;
import org.anning.audit.AuditTrail;
import org.anning.web.ConflictException;
import org.anning.web.InvalidInputException;
import org.anning.web.InvalidInputException.FieldProblem;
import org.anning.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue. Administrators add and edit items; an item is never deleted, only withdrawn from new
 * applications, and applications keep the names, limits and materials they were made with.
 */
@Service
@Transactional
public class Catalogue {

	static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final CatalogueRepository items;

	private final AuditTrail audit;

	private final Clock clock;

	Catalogue(CatalogueRepository items, AuditTrail audit, Clock clock) {
		this.items = items;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ServiceItem> items(boolean activeOnly) {
		return items.findAll(activeOnly);
	}

	@Transactional(readOnly = true)
	public Optional<ServiceItem> find(String code) {
		return code == null ? Optional.empty() : items.findByCode(code);
	}

	public ServiceItem get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("service item"));
	}

	/** Adds an item; its code never changes afterwards. */
	public ServiceItem add(ServiceItem draft) {
		check(draft, true);
		if (items.exists(draft.code())) {
			throw new ConflictException("services.item.code.taken");
		}
		ServiceItem item = new ServiceItem(UUID.randomUUID(), draft.code(), draft.category(), draft.nameZh().strip(),
				draft.nameEn().strip(), draft.descriptionZh().strip(), draft.descriptionEn().strip(), draft.statutoryDays(),
				draft.committedDays(), draft.fee().setScale(2), draft.handlingLevel(), draft.online(), true, 0,
				draft.materials());
		items.insert(item, clock.instant());
		audit.record(AuditEntry.of(AuditAction.CREATE, "service-item", item.code()));
		return item;
	}

	/**
	 * Changes an item as read at {@code version}. Applications already made keep what they were made with.
	 *
	 * @throws ConflictException {@code services.item.changed} if someone else changed it meanwhile
	 */
	public ServiceItem change(String code, ServiceItem changed, int version) {
		ServiceItem current = get(code);
		check(changed, false);
		ServiceItem item = new ServiceItem(current.id(), current.code(), changed.category(), changed.nameZh().strip(),
				changed.nameEn().strip(), changed.descriptionZh().strip(), changed.descriptionEn().strip(),
				changed.statutoryDays(), changed.committedDays(), changed.fee().setScale(2), changed.handlingLevel(),
				changed.online(), changed.active(), version, changed.materials());
		if (!items.update(item, version, clock.instant())) {
			throw new ConflictException("services.item.changed");
		}
		audit.record(AuditEntry.of(AuditAction.UPDATE, "service-item", code).detail("version " + (version + 1)));
		return get(code);
	}

	private static void check(ServiceItem item, boolean isNew) {
		List<FieldProblem> problems = new ArrayList<>();
		if (isNew && (item.code() == null || !CODE.matcher(item.code()).matches())) {
			problems.add(new FieldProblem("code", "services.item.code.format"));
		}
		if (item.category() == null) {
			problems.add(new FieldProblem("category", "services.item.category.required"));
		}
		text(problems, "nameZh", item.nameZh(), 100);
		text(problems, "nameEn", item.nameEn(), 200);
		text(problems, "descriptionZh", item.descriptionZh(), 2000);
		text(problems, "descriptionEn", item.descriptionEn(), 4000);
		if (item.statutoryDays() < 1 || item.statutoryDays() > 365) {
			problems.add(new FieldProblem("statutoryDays", "services.item.days.range", 1, 365));
		}
		if (item.committedDays() < 1 || item.committedDays() > 365) {
			problems.add(new FieldProblem("committedDays", "services.item.days.range", 1, 365));
		}
		else if (item.committedDays() > item.statutoryDays()) {
			problems.add(new FieldProblem("committedDays", "services.item.committed.overStatutory"));
		}
		if (item.fee() == null || item.fee().signum() < 0 || item.fee().scale() > 2
				|| item.fee().compareTo(new BigDecimal("1000000")) >= 0) {
			problems.add(new FieldProblem("fee", "services.item.fee.format"));
		}
		if (item.handlingLevel() == null) {
			problems.add(new FieldProblem("handlingLevel", "services.item.level.required"));
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < item.materials().size(); i++) {
			MaterialRequirement m = item.materials().get(i);
			String field = "materials[" + i + "]";
			if (m.code() == null || !CODE.matcher(m.code()).matches()) {
				problems.add(new FieldProblem(field + ".code", "services.item.code.format"));
			}
			else if (!codes.add(m.code())) {
				problems.add(new FieldProblem(field + ".code", "services.item.material.duplicate"));
			}
			text(problems, field + ".nameZh", m.nameZh(), 100);
			text(problems, field + ".nameEn", m.nameEn(), 200);
			if (m.formats().isEmpty()) {
				problems.add(new FieldProblem(field + ".formats", "services.item.material.formats"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void text(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "services.item.text.required"));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "services.item.text.tooLong", max));
		}
	}
}
