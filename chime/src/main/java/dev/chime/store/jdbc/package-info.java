/**
 * The store on JDBC: H2 embedded (a file under the data folder) or a shared PostgreSQL, through
 * a HikariCP pool, with the schema migrated by Flyway from {@code db/migration/<database>}.
 *
 * <p>{@link dev.chime.store.jdbc.JdbcStores} opens a store; everything else is package-private.
 * The SQL is the same for both databases except where {@code Dialect} says otherwise: the
 * migration folder, {@code SKIP LOCKED} (PostgreSQL only, so replicas share due work), the
 * insert that keeps one run per fire, and error codes.
 *
 * <p>Every method is one short transaction; none spans an HTTP call. Instants are stored as
 * {@code TIMESTAMP WITH TIME ZONE} in UTC, bound as {@code OffsetDateTime} (never {@code
 * java.sql.Timestamp}), to the microsecond.
 */
package dev.chime.store.jdbc;
