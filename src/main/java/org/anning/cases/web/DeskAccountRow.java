package org.anning.cases.web;

/** One receiving account typed with a report; a row left empty is ignored. */
class DeskAccountRow {

	private String channel;

	private String institution;

	private String account;

	private String holder;

	private String amount;

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

	boolean blank() {
		return isEmpty(institution) && isEmpty(account) && isEmpty(holder) && isEmpty(amount);
	}

	private static boolean isEmpty(String s) {
		return s == null || s.isBlank();
	}
}
