/**
 * Indicators: figures for any unit and period, defined once in code and computed from the records of the service
 * hall and the cases, compared year on year, period on period or with a baseline year.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators")
package org.anning.indicators;
