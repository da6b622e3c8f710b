/**
 * Road-traffic safety: accident records (people only as counts), their derived severity grades, duplicate review,
 * black spots, import of historical records, and the figures the traffic indicators are made of.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Road-traffic safety")
package org.anning.traffic;
