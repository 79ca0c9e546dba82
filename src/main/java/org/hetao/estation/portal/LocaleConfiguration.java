package org.hetao.estation.portal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.shared.Language;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of a request: {@code ?lang=} (remembered in a cookie for a year), else the cookie, else
 * the browser's Accept-Language folded onto our three languages, else Traditional Chinese.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final String COOKIE = Language.CHOICE_COOKIE;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				super.setLocale(request, response, locale == null ? null : Language.of(locale).locale());
			}
		};
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(request -> {
			String accept = request.getHeader("Accept-Language");
			if (accept == null || accept.isBlank()) {
				return Language.DEFAULT.locale();
			}
			try {
				return Locale.LanguageRange.parse(accept)
					.stream()
					.map(range -> Locale.forLanguageTag(range.getRange()))
					.filter(l -> !l.getLanguage().isEmpty() && !"*".equals(l.getLanguage()))
					.findFirst()
					.map(l -> Language.of(l).locale())
					.orElse(Language.DEFAULT.locale());
			}
			catch (IllegalArgumentException malformed) {
				return Language.DEFAULT.locale();
			}
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	static String[] supportedTags() {
		return Arrays.stream(Language.values()).map(Language::tag).toArray(String[]::new);
	}

}
