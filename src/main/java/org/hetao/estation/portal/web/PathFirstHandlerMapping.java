package org.hetao.estation.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler by its path first. A path with a variable in it ({@code /catalog/items/{code}}) has no
 * direct match, so Spring MVC tries every one of the platform's several hundred mappings, and for each it checks the
 * HTTP method, headers, consumes and produces before the path — every check a walk through the request's wrappers
 * (session, security, resource URLs) to read the method or a header, four of them asking whether the request is a
 * CORS pre-flight. That was a third of an item guide page's CPU. Here a mapping whose path patterns cannot match is
 * passed over at once, on the path parsed once per request; the mappings whose path matches are checked in full by
 * Spring, so what a request is mapped to does not change.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	/** The path of the request being looked up, within the application, parsed once. */
	private static final ThreadLocal<PathContainer> PATH = new ThreadLocal<>();

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		PATH.set(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			// without a path, a mapping is checked in full by Spring: never wrong, only slower
			PATH.remove();
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		PathContainer path = PATH.get();
		PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
		if (path != null && patterns != null && !patterns.isEmptyPathMapping() && !matchesAny(patterns, path)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	private static boolean matchesAny(PathPatternsRequestCondition patterns, PathContainer path) {
		for (PathPattern pattern : patterns.getPatterns()) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

}
