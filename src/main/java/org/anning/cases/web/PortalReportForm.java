package org.anning.cases.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.anning.cases.NewReport;
import org.anning.cases.PaymentChannel;
import org.anning.cases.ReceivingAccount;

/**
 * The resident's online report form, as typed: every value stays a string so that a page with errors shows what
 * was typed, not what could be parsed. Three rows for receiving accounts.
 */
class PortalReportForm {

	static final int ACCOUNT_ROWS = 3;

	/** An amount that cannot be parsed is passed on as this, so the domain reports it on its field. */
	private static final BigDecimal UNREADABLE = new BigDecimal("-1");

	private String kind;

	private String unit;

	private String occurredAt;

	private String place;

	private String narrative;

	private String loss;

	private String paymentMethod;

	private List<PortalAccountRow> accounts = new ArrayList<>();

	PortalReportForm() {
		for (int i = 0; i < ACCOUNT_ROWS; i++) {
			accounts.add(new PortalAccountRow());
		}
	}

	/** The time typed, or null when it cannot be read (then {@link #occurredAtUnreadable()} says so). */
	LocalDateTime occurredAtValue() {
		if (occurredAt == null || occurredAt.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(occurredAt.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	boolean occurredAtUnreadable() {
		return occurredAt != null && !occurredAt.isBlank() && occurredAtValue() == null;
	}

	NewReport toNewReport() {
		List<ReceivingAccount> rows = new ArrayList<>();
		for (int i = 0; i < accounts.size() && i < ACCOUNT_ROWS; i++) {
			rows.add(accounts.get(i).toAccount()); // blank rows too: the domain numbers the fields by row
		}
		return new NewReport(kind, unit, narrative, occurredAtValue(), place, loss, paymentMethod, rows, null, null);
	}

	/** One row of receiving account, as typed. */
	public static class PortalAccountRow {

		private String channel = PaymentChannel.BANK.name();

		private String institution;

		private String account;

		private String holder;

		private String amount;

		ReceivingAccount toAccount() {
			PaymentChannel payment = null;
			try {
				payment = channel == null || channel.isBlank() ? null : PaymentChannel.valueOf(channel.strip());
			}
			catch (IllegalArgumentException e) {
				payment = null;
			}
			return new ReceivingAccount(payment, institution, account, holder, amountValue());
		}

		private BigDecimal amountValue() {
			if (amount == null || amount.isBlank()) {
				return null;
			}
			try {
				return new BigDecimal(amount.strip().replace(",", "").replace("，", ""));
			}
			catch (NumberFormatException e) {
				return UNREADABLE;
			}
		}

		public String getChannel() {
			return channel;
		}

		public void setChannel(String channel) {
			this.channel = channel;
		}

		public String getInstitution() {
			return institution;
		}

		public void setInstitution(String institution) {
			this.institution = institution;
		}

		public String getAccount() {
			return account;
		}

		public void setAccount(String account) {
			this.account = account;
		}

		public String getHolder() {
			return holder;
		}

		public void setHolder(String holder) {
			this.holder = holder;
		}

		public String getAmount() {
			return amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}
	}

	/** Never bound: the attachments' errors are shown on this field. */
	public String getFiles() {
		return null;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getOccurredAt() {
		return occurredAt;
	}

	public void setOccurredAt(String occurredAt) {
		this.occurredAt = occurredAt;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getNarrative() {
		return narrative;
	}

	public void setNarrative(String narrative) {
		this.narrative = narrative;
	}

	public String getLoss() {
		return loss;
	}

	public void setLoss(String loss) {
		this.loss = loss;
	}

	public String getPaymentMethod() {
		return paymentMethod;
	}

	public void setPaymentMethod(String paymentMethod) {
		this.paymentMethod = paymentMethod;
	}

	public List<PortalAccountRow> getAccounts() {
		return accounts;
	}

	public void setAccounts(List<PortalAccountRow> accounts) {
		this.accounts = accounts;
	}
}
