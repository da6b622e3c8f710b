package org.anning.accounts;

import java.util.EnumSet;
import java.util.Set;

/**
 * The page form that opens a staff account. It is validated as the {@link NewStaffAccount} it becomes, so the
 * rules live in one place; the password is never rendered back.
 */
class AccountForm {

	private String username;

	private String displayName;

	private String unitCode;

	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private String password;

	NewStaffAccount draft() {
		return new NewStaffAccount(username, displayName, unitCode, roles, password);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getUnitCode() {
		return unitCode;
	}

	public void setUnitCode(String unitCode) {
		this.unitCode = unitCode;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}
}
