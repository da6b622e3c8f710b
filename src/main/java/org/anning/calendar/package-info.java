/**
 * The working-day calendar: statutory holidays and adjusted working days, and deadlines counted in working days.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.anning.calendar;
