/**
 * Leisure information (休閒資訊): the land ports' opening hours and live queue levels, the zone's shuttle
 * buses and their next departures, car parks, dining and facilities, from data files an operator replaces.
 */
package org.hetao.estation.leisure;
