package org.hetao.estation.hall.internal;

import java.util.Locale;

import org.hetao.estation.shared.Language;
import org.springframework.context.MessageSource;

/**
 * The board speaks Traditional Chinese and English side by side, whatever the viewer's language:
 * templates ask {@code ${t.zh('key')}} and {@code ${t.en('key')}}.
 */
public record Bilingual(MessageSource messages) {

	public String zh(String key) {
		return messages.getMessage(key, null, Language.ZH_HANT.locale());
	}

	public String en(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}

}
