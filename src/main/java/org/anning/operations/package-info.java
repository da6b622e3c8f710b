/**
 * Operator commands run as {@code java -jar anning.jar <command>}, such as issuing an API token; modules
 * contribute commands as beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.anning.operations;
