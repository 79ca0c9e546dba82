package org.hetao.estation.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hetao.estation.portal.Problems;
import org.hetao.estation.shared.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/** A page whose action fails with a {@link Problem} shows the friendly error page with the reason. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageProblemAdvice {

	private final Problems problems;

	private final LayoutModelAdvice layout;

	PageProblemAdvice(Problems problems, LayoutModelAdvice layout) {
		this.problems = problems;
		this.layout = layout;
	}

	@ExceptionHandler(Problem.class)
	ModelAndView problem(Problem problem, HttpServletRequest request, HttpServletResponse response) {
		return page(problem.kind().status(), problem.messageKey(), problem.args(), request, response);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView concurrentChange(HttpServletRequest request, HttpServletResponse response) {
		return page(409, "error.concurrentChange", null, request, response);
	}

	private ModelAndView page(int status, String key, Object[] args, HttpServletRequest request,
			HttpServletResponse response) {
		// the title and the detail as the API's problem details give them
		ProblemDetail problem = problems.of(status, key, args, RequestContextUtils.getLocale(request), null);
		response.setStatus(status);
		ModelAndView mav = new ModelAndView("error");
		// An exception handler's model does not pass through the @ModelAttribute methods: add the layout's.
		org.springframework.ui.ExtendedModelMap frame = new org.springframework.ui.ExtendedModelMap();
		layout.layout(request, frame);
		mav.addAllObjects(frame);
		mav.addObject("status", status);
		mav.addObject("errorTitle", problem.getTitle());
		mav.addObject("detail", problem.getDetail());
		return mav;
	}

}
