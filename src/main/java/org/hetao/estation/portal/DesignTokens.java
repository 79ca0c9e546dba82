package org.hetao.estation.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * The colour tokens of the design system as the stylesheet declares them ({@code :root} of
 * {@code static/css/estation.css}, the one source), each with its WCAG contrast ratio against the page and the
 * wash background.
 */
public record DesignTokens(List<Colour> colours) {

	/** A colour token: its CSS name, value and contrast against white ({@code --paper}) and {@code --wash}. */
	public record Colour(String name, String hex, double onPaper, double onWash) {

		/** Whether text in this colour meets WCAG AA for normal text (4.5:1) on the page. */
		public boolean textAA() {
			return onPaper >= 4.5;
		}

		public String ratio(double r) {
			return String.format(Locale.ROOT, "%.1f:1", r);
		}
	}

	private static final Pattern TOKEN = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})");

	static DesignTokens read(Resource css) throws IOException {
		String text;
		try (InputStream in = css.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String root = text.substring(text.indexOf(":root"), text.indexOf('}', text.indexOf(":root")));
		List<String[]> found = new ArrayList<>();
		Matcher m = TOKEN.matcher(root);
		while (m.find()) {
			found.add(new String[] { m.group(1), m.group(2).toLowerCase(Locale.ROOT) });
		}
		String paper = value(found, "paper");
		String wash = value(found, "wash");
		return new DesignTokens(found.stream()
			.map(t -> new Colour(t[0], t[1], contrast(t[1], paper), contrast(t[1], wash)))
			.toList());
	}

	private static String value(List<String[]> tokens, String name) {
		return tokens.stream().filter(t -> t[0].equals(name)).map(t -> t[1]).findFirst().orElse("#ffffff");
	}

	/** The WCAG 2.1 contrast ratio of two sRGB colours, 1 to 21. */
	public static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	static double luminance(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
	}

	private static double channel(int v) {
		double c = v / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	public Colour colour(String name) {
		return colours.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

}
