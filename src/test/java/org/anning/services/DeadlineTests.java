package org.anning.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.anning.AnningTest;
import org.anning.calendar.WorkingDays;
import org.anning.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The deadline rules of an application, on the real calendar (2024: National Day holiday 1–7 October, adjusted
 * working days Sunday 29 September and Saturday 12 October). The transitions are driven directly with the dates
 * they take: the Clock is a shared bean of the one test context, so it is not moved here.
 */
@AnningTest
class DeadlineTests {

	@Autowired
	WorkingDays days;

	static Application application(int committedDays) {
		return new Application(UUID.randomUUID(), "SQ-2024-000001", UUID.randomUUID(), UUID.randomUUID(), "TEST",
				"测试", "Test", committedDays, 60, UUID.randomUUID(), ApplicationStatus.DRAFT, null,
				Application.Delivery.COLLECT, Instant.parse("2024-09-27T01:00:00Z"), 1, 0);
	}

	static Application submitted(int committedDays, LocalDate on) {
		Application a = application(committedDays);
		a.submit(Instant.parse("2024-09-27T01:05:00Z"), on);
		return a;
	}

	@Test
	void threeWorkingDaysFromFriday27SeptemberEndOn8OctoberAfterTheHoliday() {
		Application a = submitted(3, LocalDate.of(2024, 9, 27));
		assertThat(a.accept(LocalDate.of(2024, 9, 27), days)).isEqualTo(Step.ACCEPTED);
		// 29 September (a Sunday) is a working day, 30 September, then 8 October after the holiday.
		assertThat(a.dueOn()).isEqualTo(LocalDate.of(2024, 10, 8));
		assertThat(a.warnOn()).isEqualTo(LocalDate.of(2024, 10, 8)); // ceil(0.8 × 3) = 3
		assertThat(a.overdue(LocalDate.of(2024, 10, 8))).isFalse();
		assertThat(a.overdue(LocalDate.of(2024, 10, 9))).isTrue();
		assertThat(a.dueSoon(LocalDate.of(2024, 10, 8))).isTrue();
		assertThat(a.dueSoon(LocalDate.of(2024, 10, 7))).isFalse();
	}

	@Test
	void aNoticeOnTheDueDayStopsTheClockAndFourWorkingDaysLaterTheDeadlineMovesByFour() {
		Application a = submitted(3, LocalDate.of(2024, 9, 27));
		a.accept(LocalDate.of(2024, 9, 27), days);
		a.startReview(null);
		assertThat(a.returnForSupplement(LocalDate.of(2024, 10, 8))).isEqualTo(Step.RETURNED);
		assertThat(a.clockStopped()).isTrue();
		assertThat(a.round()).isEqualTo(2);
		assertThat(a.deadlineRunning()).isFalse();
		assertThat(a.overdue(LocalDate.of(2024, 10, 11))).as("no overdue while the clock stands").isFalse();
		// 9, 10, 11 and Saturday 12 October (an adjusted working day) are four working days.
		assertThat(days.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
		assertThat(a.resubmit(LocalDate.of(2024, 10, 12), days)).isEqualTo(Step.RESUBMITTED);
		assertThat(a.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
		assertThat(a.clockStopped()).isFalse();
		assertThat(a.stoppedDays()).isEqualTo(4);
		assertThat(a.dueOn()).isEqualTo(LocalDate.of(2024, 10, 12));
		assertThat(a.warnOn()).isEqualTo(LocalDate.of(2024, 10, 12));
	}

	@Test
	void aNoticeBeforeTheDueDayMovesTheDeadlineByTheWorkingDaysStopped() {
		Application a = submitted(3, LocalDate.of(2024, 9, 27));
		a.accept(LocalDate.of(2024, 9, 27), days);
		a.returnForSupplement(LocalDate.of(2024, 9, 30)); // from ACCEPTED, one working day used
		a.resubmit(LocalDate.of(2024, 10, 10), days); // 8, 9, 10 October: three working days stopped
		assertThat(a.stoppedDays()).isEqualTo(3);
		assertThat(a.dueOn()).isEqualTo(days.deadline(LocalDate.of(2024, 9, 27), 6)).isEqualTo(LocalDate.of(2024, 10, 11));
	}

	@Test
	void theWarningDayIsAt80PercentOfTheCommittedTime() {
		Application a = submitted(10, LocalDate.of(2024, 9, 27));
		a.accept(LocalDate.of(2024, 9, 27), days);
		// 29, 30 September, 8, 9, 10, 11, Saturday 12, 14 (8th), 15, 16 (10th) October
		assertThat(a.warnOn()).isEqualTo(days.deadline(LocalDate.of(2024, 9, 27), 8)).isEqualTo(LocalDate.of(2024, 10, 14));
		assertThat(a.dueOn()).isEqualTo(days.deadline(LocalDate.of(2024, 9, 27), 10)).isEqualTo(LocalDate.of(2024, 10, 16));
		assertThat(a.dueSoon(LocalDate.of(2024, 10, 13))).isFalse();
		assertThat(a.dueSoon(LocalDate.of(2024, 10, 14))).isTrue();
		assertThat(a.dueSoon(LocalDate.of(2024, 10, 16))).isTrue();
		assertThat(a.overdue(LocalDate.of(2024, 10, 16))).isFalse();
		assertThat(a.overdue(LocalDate.of(2024, 10, 17))).isTrue();
		// 7 committed days: ceil(5.6) = 6
		Application seven = submitted(7, LocalDate.of(2024, 9, 27));
		seven.accept(LocalDate.of(2024, 9, 27), days);
		assertThat(seven.warnOn()).isEqualTo(days.deadline(LocalDate.of(2024, 9, 27), 6));
	}

	@Test
	void impliedAcceptanceAfterFiveWorkingDaysCountsFromReceipt() {
		Application a = submitted(3, LocalDate.of(2024, 9, 27));
		// 29, 30 September, 8, 9, 10 October
		assertThat(a.intakeDeadline(days)).isEqualTo(LocalDate.of(2024, 10, 10));
		assertThat(a.acceptImplied(days)).isEqualTo(Step.ACCEPTED_IMPLIED);
		assertThat(a.impliedAcceptance()).isTrue();
		assertThat(a.acceptedOn()).isEqualTo(LocalDate.of(2024, 9, 27));
		assertThat(a.dueOn()).isEqualTo(LocalDate.of(2024, 10, 8));
	}

	@Test
	void returningBeforeAcceptanceStopsNoClockAndResubmissionRestartsIntake() {
		Application a = submitted(3, LocalDate.of(2024, 9, 27));
		a.returnForSupplement(LocalDate.of(2024, 9, 30));
		assertThat(a.clockStopped()).isFalse();
		assertThat(a.dueOn()).isNull();
		a.resubmit(LocalDate.of(2024, 10, 9), days);
		assertThat(a.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(a.receivedOn()).isEqualTo(LocalDate.of(2024, 10, 9));
		assertThat(a.stoppedDays()).isZero();
		assertThat(a.intakeDeadline(days)).isEqualTo(LocalDate.of(2024, 10, 15)); // 10, 11, Saturday 12, 14, 15
		a.accept(LocalDate.of(2024, 10, 10), days);
		assertThat(a.dueOn()).isEqualTo(LocalDate.of(2024, 10, 14));
	}

	@Test
	void illegalTransitionsAreConflicts() {
		Application draft = application(3);
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> draft.accept(LocalDate.of(2024, 9, 27), days));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> draft.approve(LocalDate.of(2024, 9, 27)));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> draft.assign(UUID.randomUUID()));
		Application a = submitted(3, LocalDate.of(2024, 9, 27));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> a.submit(Instant.now(), LocalDate.of(2024, 9, 27)));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> a.startReview(null));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> a.close(LocalDate.of(2024, 9, 27)));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> a.resubmit(LocalDate.of(2024, 9, 27), days));
		a.accept(LocalDate.of(2024, 9, 27), days);
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> a.refuse("x"));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> a.acceptImplied(days));
		a.approve(LocalDate.of(2024, 9, 30));
		assertThat(a.onTime()).isTrue();
		assertThatExceptionOfType(ConflictException.class).isThrownBy(a::withdraw);
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> a.returnForSupplement(LocalDate.of(2024, 9, 30)));
		a.readyForCollection();
		a.close(LocalDate.of(2024, 10, 8));
		assertThat(a.ended()).isTrue();
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> a.assign(UUID.randomUUID()));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> a.close(LocalDate.of(2024, 10, 8)));
	}

	@Test
	void aLateDecisionIsNotOnTime() {
		Application a = submitted(3, LocalDate.of(2024, 9, 27));
		a.accept(LocalDate.of(2024, 9, 27), days);
		a.deny(LocalDate.of(2024, 10, 9), "不符合条件");
		assertThat(a.onTime()).isFalse();
		assertThat(a.deadlineRunning()).isFalse();
		assertThat(a.overdue(LocalDate.of(2024, 10, 20))).isFalse();
	}
}
