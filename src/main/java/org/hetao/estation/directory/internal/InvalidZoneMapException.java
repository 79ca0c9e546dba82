package org.hetao.estation.directory.internal;

/** The zone GeoJSON is broken; the message names the feature and what is wrong with it. */
public class InvalidZoneMapException extends RuntimeException {

	private final String featureId;

	public InvalidZoneMapException(String featureId, String message) {
		super("zone.geojson: feature '" + featureId + "': " + message);
		this.featureId = featureId;
	}

	public String featureId() {
		return featureId;
	}

}
