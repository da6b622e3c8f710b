package org.anning.accounts;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the forms of an account's page post: each form fills only its own fields (roles, unit, password, or a
 * token's name and days). One object, so that an error of any form shows beside its field and in one summary.
 */
class AccountChange {

	static final int DEFAULT_TOKEN_DAYS = 30;

	private Set<Role> roles;

	private String unitCode;

	private String password;

	private String name;

	private Integer days = DEFAULT_TOKEN_DAYS;

	/** Shows the account as it is in the fields that a failed form did not post. Never keeps a password. */
	AccountChange showing(AccountView account) {
		if (roles == null) {
			roles = account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
		}
		if (unitCode == null) {
			unitCode = account.unitCode();
		}
		password = null;
		return this;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles;
	}

	public String getUnitCode() {
		return unitCode;
	}

	public void setUnitCode(String unitCode) {
		this.unitCode = unitCode;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getDays() {
		return days;
	}

	public void setDays(Integer days) {
		this.days = days;
	}
}
