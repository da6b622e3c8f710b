/**
 * The organisation: a tree of units (bureau, sub-bureau, station, post), and the unit scope that limits every
 * staff user to the records of their unit and its descendants.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Units")
package org.anning.units;
