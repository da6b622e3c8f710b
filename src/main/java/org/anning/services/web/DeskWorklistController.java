package org.anning.services.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anning.accounts.StaffPrincipal;
import org.anning.services.ApplicationStatus;
import org.anning.services.Catalogue;
import org.anning.services.Queue;
import org.anning.services.QueueLine;
import org.anning.services.Worklists;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.units.UnitScopes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The service hall's worklists on the desk: one tab per queue with its count, the chosen queue's applications of
 * the units in the user's scope, filtered by item and status. No personal data: the list is not a read of any
 * applicant.
 */
@Controller
@RequestMapping("/desk/services")
class DeskWorklistController {

	static final String READERS = "hasAnyRole('FRONT_DESK','REVIEWER','STATION_CHIEF','COMMAND','AUDITOR')";

	private final Worklists worklists;

	private final Catalogue catalogue;

	private final Organisation organisation;

	private final UnitScopes scopes;

	private final Clock clock;

	DeskWorklistController(Worklists worklists, Catalogue catalogue, Organisation organisation, UnitScopes scopes,
			Clock clock) {
		this.worklists = worklists;
		this.catalogue = catalogue;
		this.organisation = organisation;
		this.scopes = scopes;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(READERS)
	String showWorklist(@RequestParam(required = false) String queue, @RequestParam(required = false) String item,
			@RequestParam(required = false) String status, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		UnitScope scope = scopes.current();
		UUID myId = me.accountId().value();
		Queue chosen = parse(Queue.class, queue, Queue.TO_ACCEPT);
		ApplicationStatus chosenStatus = parse(ApplicationStatus.class, status, null);
		String chosenItem = item == null || item.isBlank() ? null : item.strip();
		List<QueueLine> lines = worklists.list(chosen, scope, chosenItem, chosenStatus, myId);
		Map<UUID, Unit> units = new HashMap<>();
		lines.forEach(l -> units.computeIfAbsent(l.unit(), id -> organisation.find(new UnitId(id)).orElse(null)));
		model.addAttribute("queues", Queue.values());
		model.addAttribute("counts", worklists.counts(scope, myId));
		model.addAttribute("queue", chosen);
		model.addAttribute("item", chosenItem);
		model.addAttribute("status", chosenStatus);
		model.addAttribute("items", catalogue.items(false));
		model.addAttribute("statuses",
				Arrays.stream(ApplicationStatus.values()).filter(s -> s != ApplicationStatus.DRAFT).toList());
		model.addAttribute("lines", lines);
		model.addAttribute("units", units);
		model.addAttribute("today", LocalDate.now(clock));
		return "services/desk/worklist";
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			return otherwise;
		}
	}
}
