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
 * @param producedMaterials documents an item of the matter issues that later items need: never asked of the
 *        applicant
 */
public record Matter(String code, LocalizedText name, LocalizedText description, List<MatterItem> items,
		List<SharedField> sharedFields, List<OutputMapping> outputMappings, List<ProducedMaterial> producedMaterials,
		boolean active) {

	public Matter {
		items = List.copyOf(items);
		sharedFields = List.copyOf(sharedFields);
		outputMappings = List.copyOf(outputMappings);
		producedMaterials = producedMaterials == null ? List.of() : List.copyOf(producedMaterials);
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

	/**
	 * The material {@code materialCode} (e.g. the business licence) is what {@code fromItem} issues when it is
	 * approved; the items of the matter that need it come after it.
	 */
	public record ProducedMaterial(String fromItem, String materialCode) {
	}

	/** The item of this matter that issues the material, if one does. */
	public Optional<String> producerOf(String materialCode) {
		return producedMaterials.stream()
			.filter(p -> p.materialCode().equals(materialCode))
			.map(ProducedMaterial::fromItem)
			.findFirst();
	}

	public Optional<MatterItem> item(String itemCode) {
		return items.stream().filter(i -> i.itemCode().equals(itemCode)).findFirst();
	}

}
