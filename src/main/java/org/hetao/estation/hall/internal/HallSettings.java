package org.hetao.estation.hall.internal;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hetao.estation.shared.LocalizedText;

/**
 * The hall as configured in {@code hall/hall.json}: ticket categories, windows, opening hours and the
 * appointment rules. Checked when loaded: a window may only serve categories that exist.
 */
public record HallSettings(List<Category> categories, List<Window> windows, List<Hours> openingHours,
		AppointmentRules appointments) {

	public static final String APPOINTMENT_CATEGORY = "V";

	public HallSettings {
		categories = List.copyOf(categories);
		windows = List.copyOf(windows);
		openingHours = List.copyOf(openingHours);
		Set<String> codes = new HashSet<>();
		for (Category c : categories) {
			if (!c.code().matches("[A-Z]") || !codes.add(c.code()) || !c.name().isComplete()) {
				throw new IllegalStateException("Invalid or duplicate ticket category " + c.code());
			}
		}
		Set<String> numbers = new HashSet<>();
		for (Window w : windows) {
			if (!w.number().matches("[0-9A-Z]{1,8}") || !numbers.add(w.number()) || !w.name().isComplete()) {
				throw new IllegalStateException("Invalid or duplicate window " + w.number());
			}
			if (!codes.containsAll(w.categories()) || w.categories().isEmpty()) {
				throw new IllegalStateException("Window " + w.number() + " serves unknown categories " + w.categories());
			}
		}
		if (openingHours.isEmpty() || appointments == null) {
			throw new IllegalStateException("The hall needs opening hours and appointment rules");
		}
	}

	/** A ticket category: A comprehensive, B customs &amp; trade … V appointment holders. */
	public record Category(String code, LocalizedText name, int defaultServiceMinutes, boolean appointments) {
	}

	/** A window (counter): comprehensive windows take any category, specialised ones some. */
	public record Window(String number, LocalizedText name, String kind, List<String> categories, LocalTime opens,
			LocalTime closes) {

		public Window {
			categories = List.copyOf(categories);
		}

		public boolean serves(String category) {
			return categories.contains(category);
		}

		public boolean comprehensive() {
			return "COMPREHENSIVE".equals(kind);
		}

	}

	public record Hours(LocalTime opens, LocalTime closes) {
	}

	public record AppointmentRules(int slotMinutes, Map<String, Integer> capacityPerSlot, int daysAhead,
			int changeCutOffHours, int noShowLimit, int noShowWindowDays, int blockDays, int checkInEarlyMinutes) {

		public AppointmentRules {
			capacityPerSlot = Map.copyOf(capacityPerSlot);
		}

		public NoShowPolicy noShowPolicy() {
			return new NoShowPolicy(noShowLimit, noShowWindowDays, blockDays);
		}

	}

	public Optional<Category> category(String code) {
		return categories.stream().filter(c -> c.code().equals(code)).findFirst();
	}

	public Optional<Window> window(String number) {
		return windows.stream().filter(w -> w.number().equals(number)).findFirst();
	}

	/** Categories a walk-in may choose at the kiosk (V tickets come from an appointment check-in). */
	public List<Category> walkInCategories() {
		return categories.stream().filter(c -> !c.appointments()).toList();
	}

	/** Categories one can book an appointment for. */
	public List<Category> bookableCategories() {
		return categories.stream().filter(c -> appointments.capacityPerSlot().getOrDefault(c.code(), 0) > 0).toList();
	}

	public List<SlotPlan.Period> periods() {
		return openingHours.stream().map(h -> new SlotPlan.Period(h.opens(), h.closes())).toList();
	}

}
