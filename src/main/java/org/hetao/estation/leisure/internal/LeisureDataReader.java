package org.hetao.estation.leisure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code ports.json}, {@code shuttle.json} and {@code places.json} from one location and checks them
 * with {@link LeisureDataRules}: a file that cannot be read or breaks a rule fails with every fault listed.
 */
public final class LeisureDataReader {

	/** Unknown fields are refused: a misspelt field in an operator's file would otherwise vanish silently. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final ResourceLoader resources;

	public LeisureDataReader(ResourceLoader resources) {
		this.resources = resources;
	}

	public LeisureDataReader() {
		this(new DefaultResourceLoader());
	}

	/** @param location a folder, ending in "/" (e.g. {@code classpath:leisure/}) */
	public LeisureData read(String location) {
		List<String> problems = new ArrayList<>();
		PortsFile ports = read(location + "ports.json", PortsFile.class, problems);
		ShuttleFile shuttle = read(location + "shuttle.json", ShuttleFile.class, problems);
		PlacesFile places = read(location + "places.json", PlacesFile.class, problems);
		if (!problems.isEmpty()) {
			throw new LeisureDataException(problems);
		}
		LeisureData data = new LeisureData(ports, shuttle, places);
		problems.addAll(LeisureDataRules.check(data));
		if (!problems.isEmpty()) {
			throw new LeisureDataException(problems);
		}
		return data;
	}

	/** Where in the file, e.g. " at carParks[0].evChargers". */
	private static String where(JacksonException e) {
		StringBuilder at = new StringBuilder();
		for (JacksonException.Reference r : e.getPath()) {
			if (r.getPropertyName() != null) {
				at.append(at.isEmpty() ? "" : ".").append(r.getPropertyName());
			}
			else if (r.getIndex() >= 0) {
				at.append('[').append(r.getIndex()).append(']');
			}
		}
		return at.isEmpty() ? "" : " at " + at;
	}

	private <T> T read(String path, Class<T> type, List<String> problems) {
		Resource resource = resources.getResource(path);
		if (!resource.exists()) {
			problems.add(path + ": no such file");
			return null;
		}
		try (InputStream in = resource.getInputStream()) {
			return JSON.readValue(in, type);
		}
		catch (JacksonException e) {
			problems.add(path + where(e) + ": " + e.getOriginalMessage());
			return null;
		}
		catch (IOException e) {
			problems.add(path + ": cannot be read (" + e.getMessage() + ")");
			return null;
		}
	}

}
