package org.hetao.estation.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hetao.estation.shared.AfterCommit;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

/**
 * The {@link AfterCommit} methods of every bean, found once as the beans are made: which event types have
 * derived work (only those are written to the log) and how to apply one.
 */
class AfterCommitHandlers implements BeanPostProcessor {

	/**
	 * One handler: a bean's method taking the event, or taking a list of events of one type ({@code batch}): then
	 * the worker hands it a batch's consecutive events of that type at once.
	 */
	record Handler(Object bean, Method method, Class<?> eventType, boolean batch) {

		void apply(Object event) throws Throwable {
			invoke(batch ? List.of(event) : event);
		}

		/** Events of {@link #eventType}, in the order they were logged. */
		void applyAll(List<?> events) throws Throwable {
			if (batch) {
				invoke(events);
				return;
			}
			for (Object event : events) {
				invoke(event);
			}
		}

		private void invoke(Object argument) throws Throwable {
			try {
				method.invoke(bean, argument);
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		}

		String name() {
			return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(" + (batch ? "List<" : "")
					+ eventType.getSimpleName() + (batch ? ">" : "") + ")";
		}
	}

	private final List<Handler> handlers = new ArrayList<>();

	private final Map<Class<?>, List<Handler>> byType = new ConcurrentHashMap<>();

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (!type.getName().startsWith("org.hetao.estation.")) {
			return bean;
		}
		ReflectionUtils.doWithMethods(type, method -> {
			if (method.getParameterCount() != 1) {
				throw new IllegalStateException("An @AfterCommit method takes the event as its only parameter: " + method);
			}
			ReflectionUtils.makeAccessible(method);
			boolean batch = method.getParameterTypes()[0] == List.class;
			Class<?> eventType = batch ? ResolvableType.forMethodParameter(method, 0).getGeneric(0).resolve()
					: method.getParameterTypes()[0];
			if (eventType == null || eventType == Object.class && batch) {
				throw new IllegalStateException("An @AfterCommit method taking a list names its events' type: " + method);
			}
			synchronized (handlers) {
				handlers.add(new Handler(bean, method, eventType, batch));
				byType.clear();
			}
		}, method -> method.isAnnotationPresent(AfterCommit.class));
		return bean;
	}

	/** The handlers of an event of this type, in the order they were found; empty when it has none. */
	List<Handler> of(Class<?> eventType) {
		return byType.computeIfAbsent(eventType, t -> {
			synchronized (handlers) {
				return handlers.stream().filter(h -> h.eventType().isAssignableFrom(t)).toList();
			}
		});
	}

}
