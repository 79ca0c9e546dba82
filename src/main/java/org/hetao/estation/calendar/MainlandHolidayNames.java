package org.hetao.estation.calendar;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.hetao.estation.shared.LocalizedText;

/**
 * The Mainland holidays' names in the three languages. holiday-cn names them in Simplified Chinese, as
 * the State Council does; a combined name such as {@code 中秋节、国庆节} is translated part by part, and a
 * name not known here is kept as published in every language.
 */
final class MainlandHolidayNames {

	private static final Map<String, LocalizedText> KNOWN = Map.of(
			"元旦", LocalizedText.of("元旦", "元旦", "New Year's Day"),
			"春节", LocalizedText.of("春節", "春节", "Spring Festival"),
			"清明节", LocalizedText.of("清明節", "清明节", "Qingming Festival"),
			"劳动节", LocalizedText.of("勞動節", "劳动节", "Labour Day"),
			"端午节", LocalizedText.of("端午節", "端午节", "Dragon Boat Festival"),
			"中秋节", LocalizedText.of("中秋節", "中秋节", "Mid-Autumn Festival"),
			"国庆节", LocalizedText.of("國慶節", "国庆节", "National Day"),
			"抗日战争暨世界反法西斯战争胜利纪念日", LocalizedText.of("抗日戰爭暨世界反法西斯戰爭勝利紀念日",
					"抗日战争暨世界反法西斯战争胜利纪念日", "Victory Day of the War of Resistance"));

	private MainlandHolidayNames() {
	}

	static LocalizedText translate(String simplified) {
		String[] parts = simplified.split("、");
		if (!Arrays.stream(parts).allMatch(KNOWN::containsKey)) {
			return LocalizedText.of(simplified, simplified, simplified);
		}
		return LocalizedText.of(join(parts, LocalizedText::zhHant, "、"), join(parts, LocalizedText::zhHans, "、"),
				join(parts, LocalizedText::en, " and "));
	}

	private static String join(String[] parts, java.util.function.Function<LocalizedText, String> language, String glue) {
		return Arrays.stream(parts).map(KNOWN::get).map(language).collect(Collectors.joining(glue));
	}

}
