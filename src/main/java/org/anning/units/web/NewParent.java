package org.anning.units.web;

/** The parent a unit is to move under, named by its code: the body of the API's move. */
record NewParent(String parentCode) {
}
