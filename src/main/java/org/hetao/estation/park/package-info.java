/**
 * The park's four science bases (buildings, floors, units, occupancy), settlement applications (入駐)
 * from screening to unit allocation, and the leisure-information notices (休閒資訊).
 */
package org.hetao.estation.park;
