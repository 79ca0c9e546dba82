package org.hetao.estation.portal.web;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.spring6.context.IThymeleafBindStatus;
import org.thymeleaf.spring6.util.FieldUtils;

/**
 * What {@code fragments/field.html} asks of a form bound with {@code th:object}: the value of a property as
 * {@code th:field} would show it — what the user typed when it did not convert (a number with a letter in it),
 * not the empty property behind it — so that a form shown again with its errors keeps every answer.
 */
@Component("formFields")
public class FormFields {

	/** The value to show for {@code property} of the form object selected at this point of the template. */
	public Object value(IExpressionContext context, String property) {
		IThymeleafBindStatus status = FieldUtils.getBindStatus(context, "*{" + property + "}");
		return status.getValue();
	}

}
