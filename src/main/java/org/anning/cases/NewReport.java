package org.anning.cases;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A report as entered: by a resident online, or by staff from a 110 call or a walk-in (then with the reporter's
 * name and phone). {@code occurredAt} is local time in the bureau's zone; {@code loss} is typed text in yuan.
 */
public record NewReport(String kind, String unit, String narrative, LocalDateTime occurredAt, String place, String loss,
		String paymentMethod, List<ReceivingAccount> accounts, String reporterName, String reporterPhone) {

	public NewReport {
		accounts = accounts == null ? List.of() : List.copyOf(accounts);
	}
}
