/**
 * Import of historical cases and case events from CSV (API and desk page), whole file or nothing.
 */
package org.anning.cases.imports;
