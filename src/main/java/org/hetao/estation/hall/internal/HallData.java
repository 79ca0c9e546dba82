package org.hetao.estation.hall.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.hetao.estation.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the hall's data files at start-up. An administrator replaces them with
 * {@code estation.hall.config}, {@code estation.hall.rooms} and {@code estation.hall.events}
 * (any Spring resource location, e.g. {@code file:/etc/estation/hall.json}).
 */
@Configuration(proxyBeanMethods = false)
public class HallData {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/** A demo event: dates are relative to the day the application starts, so the demo never goes stale. */
	public record EventSeed(String code, String room, int daysFromToday, LocalTime starts, LocalTime ends,
			int capacity, String organiser, LocalizedText title, LocalizedText description) {
	}

	@Bean
	HallSettings hallSettings(@Value("${estation.hall.config:classpath:hall/hall.json}") Resource file)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			return JSON.readValue(in, HallSettings.class);
		}
	}

	@Bean
	RoomCatalogue roomCatalogue(@Value("${estation.hall.rooms:classpath:hall/rooms.json}") Resource file)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			return new RoomCatalogue(JSON.readValue(in, new TypeReference<List<Room>>() {
			}));
		}
	}

	@Bean
	EventSeeds eventSeeds(@Value("${estation.hall.events:classpath:hall/events.json}") Resource file)
			throws IOException {
		if (!file.exists()) {
			return new EventSeeds(List.of());
		}
		try (InputStream in = file.getInputStream()) {
			return new EventSeeds(JSON.readValue(in, new TypeReference<List<EventSeed>>() {
			}));
		}
	}

	public record RoomCatalogue(List<Room> rooms) {

		public RoomCatalogue {
			rooms = List.copyOf(rooms);
			if (rooms.stream().map(Room::code).distinct().count() != rooms.size()) {
				throw new IllegalStateException("Duplicate room codes in rooms.json");
			}
		}

		public Optional<Room> room(String code) {
			return rooms.stream().filter(r -> r.code().equals(code)).findFirst();
		}

	}

	public record EventSeeds(List<EventSeed> events) {
	}

}
