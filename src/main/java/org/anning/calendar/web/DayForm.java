package org.anning.calendar.web;

import java.time.LocalDate;

import org.anning.calendar.CalendarDay;
import org.anning.calendar.DaySetting;
import org.springframework.format.annotation.DateTimeFormat;

/** The administrator's form for one day, kept as typed when it is shown again with errors. */
public class DayForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	private Boolean workingDay;

	private String nameZh;

	private String nameEn;

	static DayForm of(LocalDate date, CalendarDay entry) {
		DayForm form = new DayForm();
		form.date = date;
		if (entry != null) {
			form.workingDay = entry.working();
			form.nameZh = entry.nameZh();
			form.nameEn = entry.nameEn();
		}
		return form;
	}

	DaySetting toDaySetting() {
		return new DaySetting(workingDay, nameZh == null ? null : nameZh.strip(),
				nameEn == null || nameEn.isBlank() ? null : nameEn.strip());
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public Boolean getWorkingDay() {
		return workingDay;
	}

	public void setWorkingDay(Boolean workingDay) {
		this.workingDay = workingDay;
	}

	public String getNameZh() {
		return nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}
}
