package org.hetao.estation.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form field holding a phone number: refused with the reason {@link PhoneNumbers} finds (too short, a Mainland
 * mobile not starting 13–19, …), not one message for every mistake. Blank passes: say {@code @NotBlank} too.
 */
@Documented
@Constraint(validatedBy = PhoneNumber.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PhoneNumber {

	String message() default "{phone.problem.shape}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Puts the reason's message in place of the default one. */
	class Check implements ConstraintValidator<PhoneNumber, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return PhoneNumbers.fault(value).map(fault -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("{" + fault.messageKey() + "}").addConstraintViolation();
				return false;
			}).orElse(true);
		}

	}

}
