/**
 * Pluggable parts of the service hall: the virus scan of materials residents send.
 */
@org.springframework.modulith.NamedInterface("spi")
package org.anning.services.spi;
