/**
 * The HK people's map (港人地圖): the zone's organisations (enterprises, universities, incubators,
 * services) as data and operator-maintained records, their profiles, and the zone map drawn from local GeoJSON.
 */
package org.hetao.estation.directory;
