package org.hetao.estation.catalog;

import java.util.List;
import java.util.Optional;

import org.hetao.estation.shared.LocalizedText;

/**
 * A matter (一件事): the items from several departments that one life or business event needs,
 * applied for with one form and one set of materials. Its items form a DAG (checked on load).
 *
 * @param items the items and what each depends on
 * @param sharedFields facts asked once and copied into each item field they map to
 * @param outputMappings outputs of an item that feed a later item's field when it starts
 */
public record Matter(String code, LocalizedText name, LocalizedText description, List<MatterItem> items,
		List<SharedField> sharedFields, List<OutputMapping> outputMappings, boolean active) {

	public Matter {
		items = List.copyOf(items);
		sharedFields = List.copyOf(sharedFields);
		outputMappings = List.copyOf(outputMappings);
	}

	/** An item of the matter and the item codes that must be approved before it starts. */
	public record MatterItem(String itemCode, List<String> dependsOn) {
		public MatterItem {
			dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
		}
	}

	/** A fact asked once; its value fills {@code targets} (item code + field key). */
	public record SharedField(String key, LocalizedText label, FieldType type, boolean required, String pattern,
			List<FieldTarget> targets) {
		public SharedField {
			targets = List.copyOf(targets);
		}
	}

	public record FieldTarget(String itemCode, String fieldKey) {
	}

	/** When {@code fromItem} is approved, its output {@code outputKey} fills {@code toItem}'s field {@code toField}. */
	public record OutputMapping(String fromItem, String outputKey, String toItem, String toField) {
	}

	public Optional<MatterItem> item(String itemCode) {
		return items.stream().filter(i -> i.itemCode().equals(itemCode)).findFirst();
	}

}
