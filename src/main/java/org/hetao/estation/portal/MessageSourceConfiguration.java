package org.hetao.estation.portal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module keeps its own message bundle under {@code i18n/<module>[_zh_Hans|_en].properties}
 * (the file without suffix is Traditional Chinese, the default); this finds them all, so a module adds
 * its texts without touching anyone else's file. Never falls back to the server's locale. Answered from one map
 * per language ({@link MergedBundleMessageSource}).
 */
@Configuration(proxyBeanMethods = false)
class MessageSourceConfiguration {

	@Bean
	MessageSource messageSource() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		TreeSet<String> basenames = new TreeSet<>();
		Arrays.stream(files)
			.map(Resource::getFilename)
			.filter(Objects::nonNull)
			.map(name -> name.replaceFirst("(_zh_Hans|_zh_Hant|_en)?\\.properties$", ""))
			.forEach(name -> basenames.add("i18n/" + name));
		ResourceBundleMessageSource source = new MergedBundleMessageSource();
		source.setBasenames(basenames.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(false);
		return source;
	}

}
