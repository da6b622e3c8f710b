/**
 * Backup and restore of the whole Anning database as one consistent file, by the operator commands
 * {@code backup} and {@code restore}, for the embedded and an external PostgreSQL alike.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
package org.anning.backup;
