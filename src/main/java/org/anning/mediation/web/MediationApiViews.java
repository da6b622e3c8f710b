package org.anning.mediation.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.anning.mediation.Agreement;
import org.anning.mediation.CaseLink;
import org.anning.mediation.Dispute;
import org.anning.mediation.DisputeLine;
import org.anning.mediation.DisputeStep;
import org.anning.mediation.Disputes;
import org.anning.mediation.Mediator;
import org.anning.mediation.OpenedParty;
import org.anning.mediation.Party;
import org.anning.mediation.Session;
import org.anning.mediation.Term;
import org.anning.units.Organisation;
import org.anning.units.Unit;
import org.anning.units.UnitId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the mediation API answers: codes with labels in the request's language, and no sealed values. */
@Component
class MediationApiViews {

	record Labelled(String code, String label) {
	}

	record PartyView(int position, Labelled role, String name, String contact) {
	}

	record SessionView(UUID id, LocalDate heldOn, String attended, List<String> mediators, String notes) {
	}

	record AgreementView(UUID id, LocalDate agreedOn, List<Term> terms, LocalDate followUpDue, LocalDate followedUpOn,
			Boolean carriedOut, String followUpNote, String followUpAction, String followUpReferral) {
	}

	record MediatorView(UUID id, String unit, Labelled kind, String name, String organisation, boolean active,
			boolean staff) {
	}

	record StepView(String step, String label, LocalDate on, String note) {
	}

	record DisputeLineView(String reference, String unit, Labelled channel, Labelled category, Labelled risk,
			String status, Labelled outcome, LocalDate receivedOn, LocalDate dueOn, LocalDate closedOn,
			LocalDate followUpDue, boolean dueSoon, boolean overdue) {
	}

	record DisputeView(String reference, String unit, Labelled channel, String referringUnit, Labelled category,
			String account, Labelled risk, String riskReason, String status, Labelled outcome, Labelled referral,
			String outcomeNote, LocalDate receivedOn, LocalDate warnOn, LocalDate dueOn, LocalDate closedOn,
			int reopened, boolean dueSoon, boolean overdue, List<PartyView> parties, List<MediatorView> mediators,
			List<SessionView> sessions, List<AgreementView> agreements, List<CaseLink> cases, List<StepView> history) {
	}

	/** A resident's own request: no other staff notes than what concerns them; sessions by date only. */
	record MyDisputeView(String reference, String unit, Labelled category, String account, String status,
			Labelled outcome, Labelled referral, LocalDate receivedOn, LocalDate closedOn, List<PartyView> parties,
			List<LocalDate> sessions, List<AgreementView> agreements, List<StepView> history) {
	}

	record MyDisputeLine(String reference, Labelled category, String status, Labelled outcome, LocalDate receivedOn,
			LocalDate closedOn) {
	}

	private final Disputes disputes;

	private final Organisation organisation;

	private final MessageSource messages;

	MediationApiViews(Disputes disputes, Organisation organisation, MessageSource messages) {
		this.disputes = disputes;
		this.organisation = organisation;
		this.messages = messages;
	}

	private Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	Labelled label(Enum<?> value, String key) {
		return value == null ? null : new Labelled(value.name(), messages.getMessage(key, null, key, locale()));
	}

	private Labelled label(org.anning.mediation.Category c) {
		return c == null ? null : label(c, c.messageKey());
	}

	String unitCode(UUID unit) {
		return unit == null ? null : organisation.find(new UnitId(unit)).map(Unit::code).orElse(null);
	}

	DisputeLineView line(DisputeLine l, LocalDate today) {
		return new DisputeLineView(l.reference(), unitCode(l.unit()), label(l.channel(), l.channel().messageKey()),
				label(l.category()), label(l.risk(), l.risk().messageKey()), l.status().name(),
				l.outcome() == null ? null : label(l.outcome(), l.outcome().messageKey()), l.receivedOn(), l.dueOn(),
				l.closedOn(), l.followUpDue(), l.dueSoon(today), l.overdue(today));
	}

	PartyView party(Party p) {
		return new PartyView(p.position(), label(p.role(), p.role().messageKey()), p.nameMasked(), p.contactMasked());
	}

	PartyView party(OpenedParty p) {
		return new PartyView(p.position(), label(p.role(), p.role().messageKey()), p.name(), p.contact());
	}

	MediatorView mediator(Mediator m) {
		return new MediatorView(m.id(), unitCode(m.unit()), label(m.kind(), m.kind().messageKey()), m.name(),
				m.organisation(), m.active(), m.account() != null);
	}

	AgreementView agreement(Agreement a) {
		return new AgreementView(a.id(), a.agreedOn(), a.terms(), a.followUpDue(), a.followedUpOn(), a.carriedOut(),
				a.followUpNote(), a.followUpAction() == null ? null : a.followUpAction().name(),
				a.followUpReferral() == null ? null : a.followUpReferral().name());
	}

	StepView step(DisputeStep s) {
		return new StepView(s.step(), messages.getMessage(s.messageKey(), null, s.step(), locale()), s.on(), s.note());
	}

	DisputeView detail(Dispute d, LocalDate today) {
		Map<UUID, String> names = new HashMap<>();
		List<Mediator> working = disputes.mediators(d);
		working.forEach(m -> names.put(m.id(), m.name()));
		List<SessionView> sessions = disputes.sessions(d).stream()
			.map((Session s) -> new SessionView(s.id(), s.heldOn(), s.attended(),
					s.mediators().stream().map(id -> names.getOrDefault(id, id.toString())).toList(), s.notes()))
			.toList();
		return new DisputeView(d.reference(), unitCode(d.unit()), label(d.channel(), d.channel().messageKey()),
				unitCode(d.referringUnit()), label(d.category()), d.account(), label(d.risk(), d.risk().messageKey()),
				d.riskReason(), d.status().name(), d.outcome() == null ? null : label(d.outcome(), d.outcome().messageKey()),
				d.referral() == null ? null : label(d.referral(), d.referral().messageKey()), d.outcomeNote(),
				d.receivedOn(), d.warnOn(), d.dueOn(), d.closedOn(), d.reopened(), d.dueSoon(today), d.overdue(today),
				disputes.parties(d).stream().map(this::party).toList(), working.stream().map(this::mediator).toList(),
				sessions, disputes.agreements(d).stream().map(this::agreement).toList(), disputes.links(d),
				disputes.history(d).stream().map(this::step).toList());
	}

	MyDisputeView mine(Dispute d) {
		return new MyDisputeView(d.reference(), unitCode(d.unit()), label(d.category()), d.account(), d.status().name(),
				d.outcome() == null ? null : label(d.outcome(), d.outcome().messageKey()),
				d.referral() == null ? null : label(d.referral(), d.referral().messageKey()), d.receivedOn(),
				d.closedOn(), disputes.parties(d).stream().map(this::party).toList(),
				disputes.sessions(d).stream().map(Session::heldOn).toList(),
				disputes.agreements(d).stream().map(this::agreement).toList(),
				disputes.historyForResident(d).stream().map(this::step).toList());
	}

	MyDisputeLine myLine(Dispute d) {
		return new MyDisputeLine(d.reference(), label(d.category()), d.status().name(),
				d.outcome() == null ? null : label(d.outcome(), d.outcome().messageKey()), d.receivedOn(), d.closedOn());
	}
}
