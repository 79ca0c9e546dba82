package org.hetao.estation.directory.internal;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Holds the zone map, read and checked once at start-up: a broken file stops the application with a clear message. */
@Component
public class ZoneMaps {

	private final ZoneMap map;

	public ZoneMaps(@Value("${estation.directory.zone-map:classpath:directory/zone.geojson}") Resource file)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			this.map = ZoneMapReader.read(in);
		}
	}

	public ZoneMap map() {
		return map;
	}

}
