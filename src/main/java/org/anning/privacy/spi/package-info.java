/**
 * The ciphers personal data can be sealed with; a deployment adds one as a Spring bean and names it in
 * {@code anning.privacy.cipher}.
 */
@org.springframework.modulith.NamedInterface("spi")
package org.anning.privacy.spi;
