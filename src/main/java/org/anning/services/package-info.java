/**
 * The service hall: the catalogue of police administrative services, residents' applications with deadlines kept
 * in working days, one complete notice of missing materials, public progress lookup, ratings and rectification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service hall")
package org.anning.services;
