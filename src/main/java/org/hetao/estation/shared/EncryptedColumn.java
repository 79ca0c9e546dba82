package org.hetao.estation.shared;

import java.util.function.UnaryOperator;

/**
 * A column holding encrypted personal data, declared as a bean by the module that owns the table so
 * that the rotation job ({@code --crypto-rotate}) can re-encrypt it under the active key, and encrypt
 * legacy plaintext it finds.
 *
 * @param format {@code VALUE}: the whole column is one encrypted value; {@code JSON_FIELDS}: a JSON
 *        object whose personal fields ({@link PersonalData#isPersonalKey}) are encrypted one by one
 * @param blindIndexColumn a column with {@link PersonalDataCipher#blindIndex} of the value, or {@code null}
 */
public record EncryptedColumn(String table, String idColumn, String column, Format format, String blindIndexColumn,
		BlindIndex blindIndex) {

	public enum Format {

		VALUE, JSON_FIELDS

	}

	/** How a value is normalised before its blind index is computed. */
	public enum BlindIndex {

		IDENTIFIER(PersonalDataCipher::normaliseIdentifier), PHONE(PersonalDataCipher::normalisePhone);

		private final UnaryOperator<String> normaliser;

		BlindIndex(UnaryOperator<String> normaliser) {
			this.normaliser = normaliser;
		}

		public String normalise(String value) {
			return normaliser.apply(value);
		}

	}

	public static EncryptedColumn value(String table, String column) {
		return new EncryptedColumn(table, "id", column, Format.VALUE, null, null);
	}

	public static EncryptedColumn indexed(String table, String column, String blindIndexColumn, BlindIndex kind) {
		return new EncryptedColumn(table, "id", column, Format.VALUE, blindIndexColumn, kind);
	}

	public static EncryptedColumn jsonFields(String table, String column) {
		return new EncryptedColumn(table, "id", column, Format.JSON_FIELDS, null, null);
	}

	/** The associated data of a whole-column value: {@code table.column}. */
	public String context() {
		return table + "." + column;
	}

	/** The associated data of one field of a JSON column: {@code table.column#field}. */
	public String fieldContext(String field) {
		return context() + "#" + field;
	}

	/** The blind index of a plaintext value, or {@code null} without an index. */
	public String blindIndexOf(PersonalDataCipher cipher, String plaintext) {
		return blindIndex == null || plaintext == null ? null : cipher.blindIndex(blindIndex.normalise(plaintext), context());
	}

}
