package org.anning.residents;

/** The registration page's form, as typed. */
class RegistrationForm {

	private String name;

	private String idNumber;

	private String mobile;

	private String password;

	NewResident toNewResident() {
		return new NewResident(name, idNumber, mobile, password);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getIdNumber() {
		return idNumber;
	}

	public void setIdNumber(String idNumber) {
		this.idNumber = idNumber;
	}

	public String getMobile() {
		return mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}
}
