package org.anning.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.anning.calendar.WorkingDays;
import org.anning.web.ConflictException;

/**
 * An application and the rules of its life. Each transition checks that it is allowed from the current status
 * (an illegal one is a conflict, never a silent change) and keeps the deadline: the committed number of working
 * days after acceptance, moved by the working days the clock stood still while the resident supplemented.
 */
public final class Application {

	/** Working days the front desk has to accept or return a submission before acceptance is implied. */
	public static final int INTAKE_DAYS = 5;

	/** The share of the committed time after which the application is due soon. */
	static final double WARNING_SHARE = 0.8;

	static final Set<ApplicationStatus> BEFORE_DECISION = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED,
			ApplicationStatus.RETURNED, ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW);

	static final Set<ApplicationStatus> ENDED = EnumSet.of(ApplicationStatus.CLOSED, ApplicationStatus.REFUSED,
			ApplicationStatus.WITHDRAWN);

	final UUID id;

	final String reference;

	final UUID resident;

	final UUID item;

	final String itemCode;

	final String itemNameZh;

	final String itemNameEn;

	final int committedDays;

	final int statutoryDays;

	final UUID unit;

	ApplicationStatus status;

	/** The status as read (or created), to tell whether a transition changed it. */
	final ApplicationStatus loadedStatus;

	/** Whether this object was created in this call rather than read. */
	private boolean fresh;

	String note;

	Delivery delivery;

	final Instant createdAt;

	Instant submittedAt;

	LocalDate receivedOn;

	LocalDate acceptedOn;

	boolean impliedAcceptance;

	LocalDate stoppedOn;

	int stoppedDays;

	LocalDate warnOn;

	LocalDate dueOn;

	Instant warnedAt;

	Instant overdueAt;

	LocalDate decidedOn;

	String decisionReason;

	LocalDate closedOn;

	UUID assignee;

	int round;

	final int version;

	Application(UUID id, String reference, UUID resident, UUID item, String itemCode, String itemNameZh,
			String itemNameEn, int committedDays, int statutoryDays, UUID unit, ApplicationStatus status, String note,
			Delivery delivery, Instant createdAt, int round, int version) {
		this.id = id;
		this.reference = reference;
		this.resident = resident;
		this.item = item;
		this.itemCode = itemCode;
		this.itemNameZh = itemNameZh;
		this.itemNameEn = itemNameEn;
		this.committedDays = committedDays;
		this.statutoryDays = statutoryDays;
		this.unit = unit;
		this.status = status;
		this.loadedStatus = status;
		this.note = note;
		this.delivery = delivery;
		this.createdAt = createdAt;
		this.round = round;
		this.version = version;
	}

	/** How the result reaches the resident. */
	public enum Delivery {

		COLLECT, MAIL;

		public String messageKey() {
			return "services.delivery." + name();
		}
	}

	Application fresh() {
		fresh = true;
		return this;
	}

	boolean createdNow() {
		return fresh;
	}

	// Transitions. Each returns the step it records.

	Step submit(Instant now, LocalDate today) {
		require(ApplicationStatus.DRAFT);
		status = ApplicationStatus.SUBMITTED;
		submittedAt = now;
		receivedOn = today;
		return Step.SUBMITTED;
	}

	/** The resident sent what the notice asked for; a clock stopped after acceptance runs again. */
	Step resubmit(LocalDate today, WorkingDays days) {
		require(ApplicationStatus.RETURNED);
		if (acceptedOn == null) {
			status = ApplicationStatus.SUBMITTED;
			receivedOn = today;
		}
		else {
			stoppedDays += days.workingDaysBetween(stoppedOn, today);
			stoppedOn = null;
			status = ApplicationStatus.UNDER_REVIEW;
			schedule(days);
		}
		return Step.RESUBMITTED;
	}

	Step accept(LocalDate today, WorkingDays days) {
		require(ApplicationStatus.SUBMITTED);
		status = ApplicationStatus.ACCEPTED;
		acceptedOn = today;
		schedule(days);
		return Step.ACCEPTED;
	}

	/** The last day the front desk may accept or return the submission before acceptance is implied. */
	LocalDate intakeDeadline(WorkingDays days) {
		return days.deadline(receivedOn, INTAKE_DAYS);
	}

	/**
	 * Nobody accepted or returned the submission within {@link #INTAKE_DAYS} working days: it counts as accepted
	 * from the day it was received, and is flagged.
	 */
	Step acceptImplied(WorkingDays days) {
		require(ApplicationStatus.SUBMITTED);
		status = ApplicationStatus.ACCEPTED;
		acceptedOn = receivedOn;
		impliedAcceptance = true;
		schedule(days);
		return Step.ACCEPTED_IMPLIED;
	}

	/** One complete notice of what is missing; after acceptance the clock stops until the resident resubmits. */
	Step returnForSupplement(LocalDate today) {
		require(ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW);
		if (acceptedOn != null) {
			stoppedOn = today;
		}
		status = ApplicationStatus.RETURNED;
		round++;
		return Step.RETURNED;
	}

	Step refuse(String reason) {
		require(ApplicationStatus.SUBMITTED);
		status = ApplicationStatus.REFUSED;
		decisionReason = reason;
		return Step.REFUSED;
	}

	Step startReview(UUID reviewer) {
		require(ApplicationStatus.ACCEPTED);
		status = ApplicationStatus.UNDER_REVIEW;
		if (reviewer != null) {
			assignee = reviewer;
		}
		return Step.REVIEW_STARTED;
	}

	Step assign(UUID staff) {
		if (ENDED.contains(status) || status == ApplicationStatus.DRAFT) {
			throw illegal();
		}
		assignee = staff;
		return Step.ASSIGNED;
	}

	Step approve(LocalDate today) {
		require(ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW);
		status = ApplicationStatus.APPROVED;
		decidedOn = today;
		return Step.APPROVED;
	}

	Step deny(LocalDate today, String reason) {
		require(ApplicationStatus.ACCEPTED, ApplicationStatus.UNDER_REVIEW);
		status = ApplicationStatus.DENIED;
		decidedOn = today;
		decisionReason = reason;
		return Step.DENIED;
	}

	Step readyForCollection() {
		require(ApplicationStatus.APPROVED);
		status = ApplicationStatus.READY_FOR_COLLECTION;
		return Step.READY_FOR_COLLECTION;
	}

	Step delivered() {
		require(ApplicationStatus.APPROVED, ApplicationStatus.READY_FOR_COLLECTION);
		status = ApplicationStatus.DELIVERED;
		return Step.DELIVERED;
	}

	/** Collected, delivered or told of the denial: the application is done and may be rated. */
	Step close(LocalDate today) {
		require(ApplicationStatus.READY_FOR_COLLECTION, ApplicationStatus.DELIVERED, ApplicationStatus.DENIED);
		status = ApplicationStatus.CLOSED;
		closedOn = today;
		return Step.CLOSED;
	}

	Step withdraw() {
		if (!BEFORE_DECISION.contains(status)) {
			throw illegal();
		}
		status = ApplicationStatus.WITHDRAWN;
		return Step.WITHDRAWN;
	}

	private void schedule(WorkingDays days) {
		dueOn = days.deadline(acceptedOn, committedDays + stoppedDays);
		warnOn = days.deadline(acceptedOn, stoppedDays + (int) Math.ceil(committedDays * WARNING_SHARE));
	}

	private void require(ApplicationStatus... allowed) {
		for (ApplicationStatus s : allowed) {
			if (status == s) {
				return;
			}
		}
		throw illegal();
	}

	private ConflictException illegal() {
		return new ConflictException("services.application.illegalTransition");
	}

	// Reading

	public UUID id() {
		return id;
	}

	public String reference() {
		return reference;
	}

	public UUID resident() {
		return resident;
	}

	public String itemCode() {
		return itemCode;
	}

	public String itemName(Locale locale) {
		return "en".equals(locale.getLanguage()) ? itemNameEn : itemNameZh;
	}

	public int committedDays() {
		return committedDays;
	}

	public UUID unit() {
		return unit;
	}

	public ApplicationStatus status() {
		return status;
	}

	public String note() {
		return note;
	}

	public Delivery delivery() {
		return delivery;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public LocalDate receivedOn() {
		return receivedOn;
	}

	public LocalDate acceptedOn() {
		return acceptedOn;
	}

	public boolean impliedAcceptance() {
		return impliedAcceptance;
	}

	/** Whether the deadline clock stands still while the resident supplements materials. */
	public boolean clockStopped() {
		return stoppedOn != null;
	}

	public int stoppedDays() {
		return stoppedDays;
	}

	public LocalDate warnOn() {
		return warnOn;
	}

	public LocalDate dueOn() {
		return dueOn;
	}

	public LocalDate decidedOn() {
		return decidedOn;
	}

	public String decisionReason() {
		return decisionReason;
	}

	public LocalDate closedOn() {
		return closedOn;
	}

	public UUID assignee() {
		return assignee;
	}

	public int round() {
		return round;
	}

	public int version() {
		return version;
	}

	/** Whether the deadline still runs: accepted, not decided, clock not stopped. */
	public boolean deadlineRunning() {
		return (status == ApplicationStatus.ACCEPTED || status == ApplicationStatus.UNDER_REVIEW) && dueOn != null;
	}

	public boolean overdue(LocalDate today) {
		return deadlineRunning() && today.isAfter(dueOn);
	}

	public boolean dueSoon(LocalDate today) {
		return deadlineRunning() && !today.isBefore(warnOn) && !today.isAfter(dueOn);
	}

	/** Decided on or before the deadline; null while undecided or never accepted. */
	public Boolean onTime() {
		if (decidedOn == null || dueOn == null) {
			return null;
		}
		return !decidedOn.isAfter(dueOn);
	}

	public boolean ended() {
		return ENDED.contains(status);
	}
}
