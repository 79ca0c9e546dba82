package org.hetao.estation.catalog.internal;

import java.util.List;
import java.util.function.Predicate;

import org.hetao.estation.catalog.ItemKind;
import org.hetao.estation.catalog.ServiceDomain;
import org.hetao.estation.catalog.ServiceItem;
import org.hetao.estation.catalog.Theme;
import org.hetao.estation.shared.ApplicantType;

/**
 * A filter on the active items; every criterion is optional.
 *
 * @param page zero-based page number
 */
public record ItemQuery(ServiceDomain domain, Theme theme, String department, ApplicantType applicantType,
		ItemKind kind, int page, int size) {

	public static final int MAX_SIZE = 100;

	/** One page of the matching items and how many match in all. */
	public record Page<T>(List<T> content, long totalElements, int page, int size) {

		public int totalPages() {
			return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
		}

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return page + 1 < totalPages();
		}

	}

	public Predicate<ServiceItem> matcher() {
		return i -> (domain == null || i.domain() == domain) && (theme == null || i.theme() == theme)
				&& (department == null || department.isEmpty() || i.departmentCode().equals(department))
				&& (applicantType == null || i.serves(applicantType)) && (kind == null || i.kind() == kind);
	}

	public Page<ServiceItem> apply(List<ServiceItem> items) {
		List<ServiceItem> matching = items.stream().filter(matcher()).toList();
		int from = (int) Math.min((long) page * size, matching.size());
		int to = Math.min(from + size, matching.size());
		return new Page<>(matching.subList(from, to), matching.size(), page, size);
	}

}
