package org.hetao.estation.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps the application's data source: while {@link #on}, every statement executed is recorded (its SQL, batches
 * marked). Import it into a test ({@code @Import(CountingStatements.class)}) to count database round trips.
 */
@TestConfiguration
public class CountingStatements {

	public static volatile boolean on;

	/** When set, only this thread's statements are recorded (not a scheduled job's that runs meanwhile). */
	public static volatile Thread only;

	public static final List<String> statements = Collections.synchronizedList(new ArrayList<>());

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
					return new DelegatingDataSource(dataSource) {
						@Override
						public Connection getConnection() throws java.sql.SQLException {
							return counting(super.getConnection());
						}
					};
				}
				return bean;
			}
		};
	}

	static Connection counting(Connection connection) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object value = invoke(connection, method, args);
			if (value instanceof Statement statement && method.getName().startsWith("prepare")) {
				return statement(statement, (String) args[0]);
			}
			if (value instanceof Statement statement && method.getName().equals("createStatement")) {
				return statement(statement, null);
			}
			return value;
		};
		return (Connection) Proxy.newProxyInstance(CountingStatements.class.getClassLoader(), new Class<?>[] { Connection.class },
				handler);
	}

	static Object statement(Statement statement, String sql) {
		Class<?>[] types = statement instanceof java.sql.CallableStatement
				? new Class<?>[] { java.sql.CallableStatement.class }
				: statement instanceof java.sql.PreparedStatement ? new Class<?>[] { java.sql.PreparedStatement.class }
						: new Class<?>[] { Statement.class };
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (on && (only == null || only == Thread.currentThread()) && (name.equals("execute") || name.equals("executeQuery") || name.equals("executeUpdate")
					|| name.equals("executeBatch") || name.equals("executeLargeUpdate"))) {
				String text = sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
				statements.add((name.equals("executeBatch") ? "[batch] " : "") + text.replaceAll("\\s+", " ").strip());
			}
			return invoke(statement, method, args);
		};
		return Proxy.newProxyInstance(CountingStatements.class.getClassLoader(), types, handler);
	}

	static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
