/**
 * Reports and cases: residents' online reports, intake from every channel, case records with their money and
 * apprehensions (numbers of people, never identities), search, and import of historical records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports and cases")
package org.anning.cases;
