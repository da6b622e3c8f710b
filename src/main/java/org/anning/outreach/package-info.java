/**
 * Community policing (社区警务): service visits to residents who cannot come, with their consent and recurring
 * plans, publicity events, household-visit campaigns and the issues they find, offline capture in the field, and
 * the figures of the outreach indicators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community policing")
package org.anning.outreach;
