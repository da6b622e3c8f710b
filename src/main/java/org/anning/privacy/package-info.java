/**
 * Personal data protected at rest: identity and mobile numbers sealed with an authenticated cipher, with a keyed
 * index for exact look-up, and masked for display.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = "database")
package org.anning.privacy;
