/**
 * The database Anning runs on: an embedded PostgreSQL kept under the data directory, or an external one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.anning.database;
