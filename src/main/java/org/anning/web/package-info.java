/**
 * What every module's pages and API share: the layout, languages, error responses and security headers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.anning.web;
