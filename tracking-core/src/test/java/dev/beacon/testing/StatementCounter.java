package dev.beacon.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the calling thread prepares or creates on the application's
 * one {@link DataSource}, whatever issues them (Hibernate, {@code JdbcClient}, plain
 * JDBC), while {@link #count(Action)} runs, and with {@link #tally(Action)} the commits
 * too (each a round trip of its own). Other threads (the background loops) are not
 * counted. Register it as a static bean of a test configuration.
 */
public final class StatementCounter implements BeanPostProcessor {

	private final ThreadLocal<long[]> counting = new ThreadLocal<>();

	/** Runs the action on this thread and answers how many statements it issued. */
	public long count(Action action) throws Exception {
		return tally(action).statements();
	}

	/** Runs the action on this thread and answers its statements and commits. */
	public Tally tally(Action action) throws Exception {
		long[] counter = new long[2];
		this.counting.set(counter);
		try {
			action.run();
		}
		finally {
			this.counting.remove();
		}
		return new Tally(counter[0], counter[1]);
	}

	/** Statements prepared or created, and commits, by one action. */
	public record Tally(long statements, long commits) {
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
			return new Counting(dataSource);
		}
		return bean;
	}

	/** What {@link #count(Action)} runs. */
	@FunctionalInterface
	public interface Action {

		void run() throws Exception;

	}

	private final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private Connection counted(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						String name = method.getName();
						long[] counter = StatementCounter.this.counting.get();
						if (counter != null && (name.equals("prepareStatement") || name.equals("createStatement")
								|| name.equals("prepareCall"))) {
							counter[0]++;
						}
						else if (counter != null && name.equals("commit")) {
							counter[1]++;
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
